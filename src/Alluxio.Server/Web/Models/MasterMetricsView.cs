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

    /// <summary>The calls the master made on each UFS (by URI), by operation.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> UfsOps { get; init; }

    /// <summary>The master's counts and readings without its instance prefix (FilesCreated, TotalPaths), but for the RPC counts.</summary>
    public required IReadOnlyDictionary<string, double> OperationMetrics { get; init; }

    /// <summary>The master's counts of calls received, Alluxio's *Ops counters (CreateFileOps).</summary>
    public required IReadOnlyDictionary<string, double> RpcInvocationMetrics { get; init; }

    public required IReadOnlyList<TimeSeries> TimeSeriesMetrics { get; init; }
}
