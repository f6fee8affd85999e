using Alluxio.Server.Web.Metrics;

namespace Alluxio.Server.Web.Models;

/// <summary>The master's Metrics page and /api/v1/master/webui_metrics, with Alluxio's field names.</summary>
public sealed record MasterMetricsView
{
    public int MasterCapacityUsedPercentage { get; init; }

    public int MasterCapacityFreePercentage { get; init; }

    public required string TotalBytesReadLocal { get; init; }

    public required string TotalBytesReadDomainSocket { get; init; }

    public required string TotalBytesReadRemote { get; init; }

    public required string TotalBytesReadUfs { get; init; }

    public required string TotalBytesWrittenLocal { get; init; }

    public required string TotalBytesWrittenDomainSocket { get; init; }

    public required string TotalBytesWrittenRemote { get; init; }

    public required string TotalBytesWrittenUfs { get; init; }

    public required string TotalBytesReadLocalThroughput { get; init; }

    public required string TotalBytesReadDomainSocketThroughput { get; init; }

    public required string TotalBytesReadRemoteThroughput { get; init; }

    public required string TotalBytesReadUfsThroughput { get; init; }

    public required string TotalBytesWrittenLocalThroughput { get; init; }

    public required string TotalBytesWrittenDomainSocketThroughput { get; init; }

    public required string TotalBytesWrittenRemoteThroughput { get; init; }

    public required string TotalBytesWrittenUfsThroughput { get; init; }

    public required string CacheHitLocal { get; init; }

    public required string CacheHitRemote { get; init; }

    public required string CacheMiss { get; init; }

    /// <summary>Calls to each kind of UFS, by operation: how many, and how long they took in all.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> UfsOps { get; init; }

    public required IReadOnlyDictionary<string, double> OperationMetrics { get; init; }

    public required IReadOnlyList<TimeSeries> TimeSeriesMetrics { get; init; }
}
