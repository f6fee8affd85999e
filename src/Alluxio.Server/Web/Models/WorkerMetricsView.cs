namespace Alluxio.Server.Web.Models;

/// <summary>The worker's Metrics page and /api/v1/worker/webui_metrics, with Alluxio's field names.</summary>
public sealed record WorkerMetricsView(long WorkerCapacityUsedPercentage, long WorkerCapacityFreePercentage, IReadOnlyDictionary<string, double> OperationMetrics);
