using Alluxio.Grpc;

namespace Alluxio.Master.Metrics;

/// <summary>
/// The cluster's counters, Alluxio's Cluster.* figures: what every worker's counters grew by, summed as their
/// heartbeats bring them. A worker reports its counters since it started; a value below the last one means it
/// restarted, and the whole value is new. Counts of workers that are lost stay in the sums.
/// </summary>
public sealed class ClusterMetrics
{
    /// <summary>The worker counters the cluster sums, as Alluxio aggregates them.</summary>
    public static IReadOnlyList<string> Aggregated { get; } =
        ["BytesReadRemote", "BytesReadDomain", "BytesReadLocal", "BytesReadUfsAll", "BytesWrittenRemote", "BytesWrittenDomain", "BytesWrittenLocal", "BytesWrittenUfsAll", "BlocksEvicted"];

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Dictionary<string, double>> _lastByWorker = [];
    private readonly Dictionary<string, double> _sums = Aggregated.ToDictionary(n => n, _ => 0d, StringComparer.Ordinal);

    /// <summary>Takes a worker's counters from its heartbeat.</summary>
    public void Report(long workerId, IEnumerable<WorkerMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
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
                    continue;
                }

                var before = last.GetValueOrDefault(metric.Name);
                _sums[metric.Name] = sum + (metric.Value >= before ? metric.Value - before : metric.Value);
                last[metric.Name] = metric.Value;
            }
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
