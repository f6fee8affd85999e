using Alluxio.Configuration;

namespace Alluxio.Server.Web.Metrics;

/// <summary>
/// Records the figures the master's Metrics page draws over time, every alluxio.master.metrics.time.series.interval:
/// throughput of reads and writes, the cache hit rate and how full the workers are. Keeps the last
/// <see cref="Points"/> of each, so memory stays flat however long the master runs.
/// </summary>
internal sealed class MetricsHistory(PrometheusExporter metrics, AlluxioConfiguration configuration, TimeProvider time) : BackgroundService
{
    public const int Points = 20;

    /// <summary>The series, as the page titles them, and the metric each reads.</summary>
    private static readonly (string Title, string Metric)[] s_series =
    [
        ("% Alluxio Space Used", "Cluster.CapacityUsed"),
        ("Cluster.CacheHitRate", "Cluster.CacheHitRate"),
        ("Cluster.BytesReadRemoteThroughput", "Cluster.BytesReadRemoteThroughput"),
        ("Cluster.BytesReadUfsThroughput", "Cluster.BytesReadUfsThroughput"),
        ("Cluster.BytesWrittenRemoteThroughput", "Cluster.BytesWrittenRemoteThroughput"),
        ("Cluster.BytesWrittenUfsThroughput", "Cluster.BytesWrittenUfsThroughput"),
    ];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DataPoint>> _points = s_series.ToDictionary(s => s.Title, _ => new Queue<DataPoint>(Points + 1));

    public IReadOnlyList<TimeSeries> Series()
    {
        lock (_gate)
        {
            return [.. s_series.Select(s => new TimeSeries(s.Title, [.. _points[s.Title]]))];
        }
    }

    /// <summary>Records one point of every series now.</summary>
    public void Record()
    {
        var values = metrics.Snapshot().GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            foreach (var (title, metric) in s_series)
            {
                var value = title.StartsWith('%')
                    ? Percent(values.GetValueOrDefault(metric), values.GetValueOrDefault("Cluster.CapacityTotal"))
                    : values.GetValueOrDefault(metric);
                var queue = _points[title];
                queue.Enqueue(new DataPoint(now, value));
                if (queue.Count > Points)
                {
                    queue.Dequeue();
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetDuration(PropertyKeys.MasterMetricsTimeSeriesInterval), time);
        Record();
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            Record();
        }
    }

    private static double Percent(double part, double total) => total <= 0 ? 0 : 100 * part / total;
}
