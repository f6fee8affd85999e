namespace Alluxio.Server.Web.Models;

/// <summary>The worker's overview page and /api/v1/worker/webui_overview, with Alluxio's field names.</summary>
public sealed record WorkerOverview(
    UiWorkerInfo WorkerInfo,
    string CapacityBytes,
    string UsedBytes,
    IReadOnlyList<UiUsageOnTier> UsageOnTiers,
    IReadOnlyList<UiStorageDir> StorageDirs,
    string BlockCount,
    string Version,
    string Revision);
