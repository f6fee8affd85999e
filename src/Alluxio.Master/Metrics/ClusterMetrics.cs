using Alluxio.Grpc;

namespace Alluxio.Master.Metrics;

/// <summary>
/// The cluster's counters, Alluxio's Cluster.* figures: what every worker's and every client's counters grew by,
/// summed as their heartbeats bring them. A source reports its counters since it started; a value below the last
/// one means it restarted, and the whole value is new, so a report sent twice counts once. Counts of workers that
/// are lost stay in the sums. Per-UFS counters (BytesReadPerUfs.UFS:&lt;escaped URI&gt;) are summed from workers,
/// each from the first report that names it. Clients report what only they see (short-circuit reads and writes).
/// </summary>
public sealed class ClusterMetrics
{
    /// <summary>The counters the cluster sums, as Alluxio aggregates them.</summary>
    public static IReadOnlyList<string> Aggregated { get; } =
        ["BytesReadRemote", "BytesReadDomain", "BytesReadLocal", "BytesReadUfsAll", "BytesWrittenRemote", "BytesWrittenDomain", "BytesWrittenLocal", "BytesWrittenUfsAll", "BlocksEvicted"];

    /// <summary>
    /// How long a client may stay silent before its last totals are forgotten. A client heartbeats every few seconds
    /// while it lives, so one silent this long has ended; remembering it longer would only hold memory.
    /// </summary>
    public static TimeSpan ClientExpiry { get; } = TimeSpan.FromHours(1);

    private static readonly string[] s_perUfsPrefixes = ["BytesReadPerUfs.UFS:", "BytesWrittenPerUfs.UFS:"];

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Dictionary<string, double>> _lastByWorker = [];
    private readonly Dictionary<string, ClientTotals> _lastByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _sums = Aggregated.ToDictionary(n => n, _ => 0d, StringComparer.Ordinal);
    private DateTimeOffset _nextClientSweep = DateTimeOffset.MinValue;

    /// <summary>Raised, outside any lock, for each per-UFS counter the cluster sums from now on.</summary>
    public event Action<string>? CounterAdded;

    /// <summary>The clients whose totals are remembered now.</summary>
    public int ClientCount
    {
        get
        {
            lock (_gate)
            {
                return _lastByClient.Count;
            }
        }
    }

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
                if (!_sums.ContainsKey(metric.Name))
                {
                    if (!s_perUfsPrefixes.Any(p => metric.Name.StartsWith(p, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    (added ??= []).Add(metric.Name);
                }

                AddGrowth(last, metric.Name, metric.Value);
            }
        }

        foreach (var name in added ?? [])
        {
            CounterAdded?.Invoke(name);
        }
    }

    /// <summary>
    /// Takes a client's running totals, named without the instance (BytesReadLocal for Client.BytesReadLocal); names
    /// the cluster does not sum are left out. Clients silent for <see cref="ClientExpiry"/> are forgotten.
    /// </summary>
    public void ReportClient(string source, IEnumerable<KeyValuePair<string, double>> totals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(totals);
        lock (_gate)
        {
            if (!_lastByClient.TryGetValue(source, out var client))
            {
                client = new ClientTotals();
                _lastByClient[source] = client;
            }

            client.LastSeen = now;
            foreach (var (name, value) in totals)
            {
                if (_sums.ContainsKey(name))
                {
                    AddGrowth(client.Last, name, value);
                }
            }

            if (now >= _nextClientSweep)
            {
                _nextClientSweep = now + TimeSpan.FromMinutes(1);
                foreach (var expired in _lastByClient.Where(c => now - c.Value.LastSeen > ClientExpiry).Select(c => c.Key).ToList())
                {
                    _lastByClient.Remove(expired);
                }
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

    private void AddGrowth(Dictionary<string, double> last, string name, double value)
    {
        var before = last.GetValueOrDefault(name);
        _sums[name] = _sums.GetValueOrDefault(name) + (value >= before ? value - before : value);
        last[name] = value;
    }

    private sealed class ClientTotals
    {
        public Dictionary<string, double> Last { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset LastSeen { get; set; }
    }
}
