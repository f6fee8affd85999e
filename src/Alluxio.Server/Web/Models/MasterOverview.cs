namespace Alluxio.Server.Web.Models;

/// <summary>The master's overview page and /api/v1/master/webui_overview, with Alluxio's field names.</summary>
public sealed record MasterOverview
{
    public bool Debug { get; init; }

    public required string MasterNodeAddress { get; init; }

    public required string ClusterId { get; init; }

    public required string StartTime { get; init; }

    public required string Uptime { get; init; }

    public required string Version { get; init; }

    public required string Revision { get; init; }

    public required string LiveWorkerNodes { get; init; }

    public required string Capacity { get; init; }

    public required string UsedCapacity { get; init; }

    public required string FreeCapacity { get; init; }

    public required string DiskCapacity { get; init; }

    public required string DiskUsedCapacity { get; init; }

    public required string DiskFreeCapacity { get; init; }

    public string ConfigCheckStatus { get; init; } = "PASSED";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ConfigCheckErrors { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ConfigCheckWarns { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int ConfigCheckErrorNum { get; init; }

    public int ConfigCheckWarnNum { get; init; }

    public required IReadOnlyList<StorageTierInfo> StorageTierInfos { get; init; }

    public IReadOnlyList<string> JournalDiskWarnings { get; init; } = [];

    public string? JournalCheckpointTimeWarning { get; init; }

    public required string ReplicaBlockCount { get; init; }

    public required string UniqueBlockCount { get; init; }

    public required string TotalPath { get; init; }

    public required string MasterRole { get; init; }

    public required string LeaderId { get; init; }
}
