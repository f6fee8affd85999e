using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Alluxio.Server.Web;

/// <summary>
/// Serves the process's System.Diagnostics.Metrics instruments (meters named Alluxio.*) as Prometheus text, the
/// way Alluxio 2.9's Dropwizard exporter does, so that dashboards built for Alluxio keep working: the name with
/// '.' and other characters outside [a-zA-Z0-9_:] turned into '_' (Cluster.BytesReadRemote becomes
/// Cluster_BytesReadRemote), counters as gauges holding the running sum (a counter type would want a _total
/// suffix, which Alluxio's names lack), gauges as their last value, histograms as summaries of count and sum,
/// and a HELP line for every metric.
/// </summary>
/// <remarks>
/// promtool check metrics parses this output; its only lint findings are about the names Alluxio chose
/// (camelCase, and ':' in tagged names), which renaming would break.
/// </remarks>
internal sealed class PrometheusExporter : IDisposable
{
    /// <summary>.NET's own meter: allocations, collections, heap and working set (dotnet.gc.*, dotnet.process.*).</summary>
    public const string RuntimeMeter = "System.Runtime";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();

    public PrometheusExporter()
        : this(runtime: false)
    {
    }

    private PrometheusExporter(bool runtime)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var name = instrument.Meter.Name;
            if (name.StartsWith("Alluxio", StringComparison.Ordinal) || (runtime && name == RuntimeMeter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>
    /// An exporter that also serves .NET's runtime metrics, for a process whose memory behaviour is what its users
    /// watch (the FUSE process: allocations per read, working set over epochs).
    /// </summary>
    public static PrometheusExporter WithRuntimeMetrics() => new(runtime: true);

    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        // Instruments whose names differ only in the characters turned into '_' share one metric: a second TYPE
        // line for a name would make the whole scrape fail, so the first instrument's kind and help stand.
        var metrics = _series
            .GroupBy(s => Sanitize(s.Key.Instrument.Name, allowColon: true))
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var name = metric.Key;
            var first = metric.Select(s => s.Key.Instrument).OrderBy(i => i.Meter.Name, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).First();
            var summary = IsHistogram(first);
            var help = first.Description is { Length: > 0 } description ? description : $"Alluxio metric {first.Name}.";
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(summary ? "summary" : "gauge").Append('\n');
            var shown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ((instrument, labels), series) in metric.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                if (IsHistogram(instrument) != summary || !shown.Add(labels))
                {
                    continue;
                }

                if (summary)
                {
                    text.Append(name).Append("_count").Append(labels).Append(' ').Append(Format(series.Count)).Append('\n');
                    text.Append(name).Append("_sum").Append(labels).Append(' ').Append(Format(series.Sum)).Append('\n');
                }
                else
                {
                    text.Append(name).Append(labels).Append(' ').Append(Format(IsObserved(instrument) ? series.Last : series.Sum)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Every series's value now, by Alluxio name (tags, when there are any, follow in Prometheus label form), for
    /// /metrics/json, the metrics pages and fsadmin report metrics: counters as their running sum, gauges as their
    /// last reading, histograms and timers as their count and sum.
    /// </summary>
    public IReadOnlyList<MetricValue> Snapshot()
    {
        _listener.RecordObservableInstruments();
        return [.. _series
            .Select(s =>
            {
                var (instrument, labels) = s.Key;
                var kind = KindOf(instrument);
                var value = IsObserved(instrument) && kind is not (MetricKind.Histogram or MetricKind.Timer) ? s.Value.Last : s.Value.Sum;
                return new MetricValue(instrument.Name + labels, kind, value, s.Value.Count);
            })
            .OrderBy(v => v.Name, StringComparer.Ordinal)];
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Takes the value as a double so that a measurement allocates nothing when it has no tags.</summary>
    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd((instrument, labels), static _ => new Series());
        series.Add(value);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        // Sorted, so that the same tags given in another order are the same series.
        var sorted = tags.ToArray();
        if (sorted.Length > 1)
        {
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        var text = new StringBuilder("{");
        foreach (var (key, value) in sorted)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            var shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            text.Append(Sanitize(key, allowColon: false)).Append("=\"").Append(shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
        }

        return text.Append('}').ToString();
    }

    /// <summary>Instruments whose measurements are readings, the last one being the value; the others' measurements are deltas that add up.</summary>
    private static bool IsObserved(Instrument instrument) => instrument.IsObservable || instrument is Gauge<long> or Gauge<int> or Gauge<double>;

    private static MetricKind KindOf(Instrument instrument) => instrument switch
    {
        _ when IsHistogram(instrument) => instrument.Unit is "ms" or "s" ? MetricKind.Timer : MetricKind.Histogram,
        Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => MetricKind.Counter,
        _ => MetricKind.Gauge,
    };

    private static bool IsHistogram(Instrument instrument) => instrument is Histogram<long> or Histogram<int> or Histogram<double>;

    /// <summary>Metric names may hold ':' (Alluxio's tagged names do); label names may not.</summary>
    private static string Sanitize(string name, bool allowColon)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        return text.Length > 0 && char.IsAsciiDigit(text[0]) ? "_" + text : text.ToString();
    }

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private sealed class Series
    {
        private readonly Lock _gate = new();

        public double Sum { get; private set; }

        public double Last { get; private set; }

        public long Count { get; private set; }

        public void Add(double value)
        {
            lock (_gate)
            {
                Sum += value;
                Last = value;
                Count++;
            }
        }
    }
}
