using System.Globalization;
using Alluxio.Server.Web.Metrics;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// What the master's Metrics page shows: the cluster's bytes read and written by path (short-circuit, domain socket,
/// streamed, UFS) in total and per minute, the cache hit split, the calls made on each UFS by operation, the master's own counters and
/// the recorded time series.
/// </summary>
internal sealed class MasterMetricsSource(PrometheusExporter metrics, MetricsHistory history)
{
    public MasterMetricsView Build()
    {
        var snapshot = metrics.Snapshot();
        var values = snapshot.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        double Get(string name) => values.GetValueOrDefault(name);
        string Size(string name) => WebFormats.Size((long)Get(name));

        var local = Get("Cluster.BytesReadLocal") + Get("Cluster.BytesReadDomain");
        var remote = Get("Cluster.BytesReadRemote");
        var ufs = Get("Cluster.BytesReadUfsAll");
        var total = local + remote;
        var used = WebFormats.Percent((long)Get("Cluster.CapacityUsed"), (long)Get("Cluster.CapacityTotal"));
        return new MasterMetricsView
        {
            MasterCapacityUsedPercentage = used,
            MasterCapacityFreePercentage = 100 - used,
            TotalBytesReadLocal = Size("Cluster.BytesReadLocal"),
            TotalBytesReadDomainSocket = Size("Cluster.BytesReadDomain"),
            TotalBytesReadRemote = Size("Cluster.BytesReadRemote"),
            TotalBytesReadUfs = Size("Cluster.BytesReadUfsAll"),
            TotalBytesWrittenLocal = Size("Cluster.BytesWrittenLocal"),
            TotalBytesWrittenDomainSocket = Size("Cluster.BytesWrittenDomain"),
            TotalBytesWrittenRemote = Size("Cluster.BytesWrittenRemote"),
            TotalBytesWrittenUfs = Size("Cluster.BytesWrittenUfsAll"),
            TotalBytesReadLocalThroughput = Size("Cluster.BytesReadLocalThroughput"),
            TotalBytesReadDomainSocketThroughput = Size("Cluster.BytesReadDomainThroughput"),
            TotalBytesReadRemoteThroughput = Size("Cluster.BytesReadRemoteThroughput"),
            TotalBytesReadUfsThroughput = Size("Cluster.BytesReadUfsThroughput"),
            TotalBytesWrittenLocalThroughput = Size("Cluster.BytesWrittenLocalThroughput"),
            TotalBytesWrittenDomainSocketThroughput = Size("Cluster.BytesWrittenDomainThroughput"),
            TotalBytesWrittenRemoteThroughput = Size("Cluster.BytesWrittenRemoteThroughput"),
            TotalBytesWrittenUfsThroughput = Size("Cluster.BytesWrittenUfsThroughput"),
            CacheHitLocal = Percent(local, total),
            CacheHitRemote = Percent(Math.Max(0, remote - ufs), total),
            CacheMiss = Percent(Math.Min(ufs, total), total),
            UfsOps = UfsOperations(snapshot),
            OperationMetrics = MasterFigures(snapshot, rpcInvocations: false),
            RpcInvocationMetrics = MasterFigures(snapshot, rpcInvocations: true),
            TimeSeriesMetrics = history.Series(),
        };
    }

    /// <summary>
    /// The master's counters and gauges by name without "Master." (timers are shown per UFS instead), split as Alluxio
    /// splits them: counters named *Ops are RPC invocations, the rest logical operations and readings.
    /// </summary>
    private static Dictionary<string, double> MasterFigures(IReadOnlyList<MetricValue> snapshot, bool rpcInvocations) =>
        snapshot
            .Where(v => v.Kind is MetricKind.Counter or MetricKind.Gauge && v.Name.StartsWith("Master.", StringComparison.Ordinal))
            .Where(v => (v.Kind == MetricKind.Counter && v.Name.EndsWith("Ops", StringComparison.Ordinal)) == rpcInvocations)
            .GroupBy(v => v.Name["Master.".Length..])
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static string Percent(double part, double total) =>
        (total <= 0 ? 0 : 100 * part / total).ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The calls the master made on each UFS, by operation, from its UFS operation timers.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, long>> UfsOperations(IReadOnlyList<MetricValue> snapshot) =>
        snapshot
            .Where(v => v.Kind == MetricKind.Timer)
            .Select(v => UfsOperationName.TryParse(v.Name, "Master", out var operation, out var ufs) ? (Operation: operation, Ufs: ufs, v.Count) : default)
            .Where(v => v.Operation is not null)
            .GroupBy(v => v.Ufs, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, long>)g.GroupBy(v => v.Operation, StringComparer.Ordinal)
                    .OrderBy(o => o.Key, StringComparer.Ordinal)
                    .ToDictionary(o => o.Key, o => o.Sum(v => v.Count), StringComparer.Ordinal),
                StringComparer.Ordinal);
}
