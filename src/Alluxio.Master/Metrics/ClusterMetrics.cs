using Alluxio.Grpc;

namespace Alluxio.Master.Metrics;

/// <summary>
/// The cluster's counters, Alluxio's Cluster.* figures: what every worker's counters grew by, summed as their
/// heartbeats bring them. A worker reports its counters since it started; a value below the last one means it
/// restarted, and the whole value is new. Counts of workers that are lost stay in the sums. Per-UFS counters
/// (BytesReadPerUfs.UFS:&lt;escaped URI&gt;) are summed too, each from the first report that names it.
/// </summary>
public sealed class ClusterMetrics
{
    /// <summary>The worker counters the cluster sums, as Alluxio aggregates them.</summary>
    public static IReadOnlyList<string> Aggregated { get; } =
        ["BytesReadRemote", "BytesReadDomain", "BytesReadLocal", "BytesReadUfsAll", "BytesWrittenRemote", "BytesWrittenDomain", "BytesWrittenLocal", "BytesWrittenUfsAll", "BlocksEvicted"];

    private static readonly string[] s_perUfsPrefixes = ["BytesReadPerUfs.UFS:", "BytesWrittenPerUfs.UFS:"];

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Dictionary<string, double>> _lastByWorker = [];
    private readonly Dictionary<string, double> _sums = Aggregated.ToDictionary(n => n, _ => 0d, StringComparer.Ordinal);

    /// <summary>Raised, outside any lock, for each per-UFS counter the cluster sums from now on.</summary>
    public event Action<string>? CounterAdded;

    /// <summary>Takes a worker's counters from its heartbeat.</summary>
    public void Report(long workerId, IEnumerable<WorkerMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        List<string>? added = null;
        lock (_gate)
        {
            if (!_lastByWorker.TryGetValue(workerId, out var last))
            {
                last = new Dictionary<string, double>(StringComparer.Ordinal);
                _lastByWorker[workerId] = last;
            }

            foreach (var metric in metrics)
            {
                if (!_sums.TryGetValue(metric.Name, out var sum))
                {
                    if (!s_perUfsPrefixes.Any(p => metric.Name.StartsWith(p, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    (added ??= []).Add(metric.Name);
                }

                var before = last.GetValueOrDefault(metric.Name);
                _sums[metric.Name] = sum + (metric.Value >= before ? metric.Value - before : metric.Value);
                last[metric.Name] = metric.Value;
            }
        }

        foreach (var name in added ?? [])
        {
            CounterAdded?.Invoke(name);
        }
    }

    /// <summary>The sum of a counter over the cluster's life, e.g. Get("BytesReadRemote") for Cluster.BytesReadRemote.</summary>
    public double Get(string name)
    {
        lock (_gate)
        {
            return _sums.GetValueOrDefault(name);
        }
    }
}
