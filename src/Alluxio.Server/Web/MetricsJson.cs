namespace Alluxio.Server.Web;

/// <summary>/metrics/json as Alluxio's Dropwizard servlet lays it out: gauges, counters, histograms and timers by name.</summary>
internal static class MetricsJson
{
    public static object Build(IReadOnlyList<MetricValue> values) => new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        ["version"] = "4.0.0",
        ["gauges"] = Section(values, MetricKind.Gauge, v => new { value = v.Value }),
        ["counters"] = Section(values, MetricKind.Counter, v => new { count = v.Value }),
        ["histograms"] = Section(values, MetricKind.Histogram, v => new { count = v.Count, mean = v.Count == 0 ? 0 : v.Value / v.Count }),
        ["meters"] = new SortedDictionary<string, object>(),
        ["timers"] = Section(values, MetricKind.Timer, v => new
        {
            count = v.Count,
            mean = v.Count == 0 ? 0 : v.Value / v.Count,
            duration_units = "milliseconds",
            rate_units = "calls/second",
        }),
    };

    private static SortedDictionary<string, object> Section(IReadOnlyList<MetricValue> values, MetricKind kind, Func<MetricValue, object> shape) =>
        new(values.Where(v => v.Kind == kind).GroupBy(v => v.Name).ToDictionary(g => g.Key, g => shape(g.First())), StringComparer.Ordinal);
}
