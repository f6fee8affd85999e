using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Alluxio.Server.Web;

/// <summary>
/// Serves the process's System.Diagnostics.Metrics instruments (meters named Alluxio.*) as Prometheus text:
/// counters as running sums, gauges as their last value, histograms as count and sum.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Alluxio", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _series.GroupBy(s => s.Key.Instrument).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var name = Sanitize(group.Key.Name);
            var kind = group.Key switch
            {
                Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => "counter",
                Histogram<long> or Histogram<int> or Histogram<double> => "summary",
                _ => "gauge",
            };
            if (group.Key.Description is { Length: > 0 } description)
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(description.Replace('\n', ' ')).Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(' ').Append(kind).Append('\n');
            foreach (var ((_, labels), series) in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                if (kind == "summary")
                {
                    text.Append(name).Append("_count").Append(labels).Append(' ').Append(Format(series.Count)).Append('\n');
                    text.Append(name).Append("_sum").Append(labels).Append(' ').Append(Format(series.Sum)).Append('\n');
                }
                else
                {
                    text.Append(name).Append(labels).Append(' ').Append(Format(kind == "counter" && group.Key is not ObservableCounter<long> and not ObservableCounter<double> ? series.Sum : series.Last)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd((instrument, labels), static _ => new Series());
        series.Add(Convert.ToDouble(value, CultureInfo.InvariantCulture));
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var text = new StringBuilder("{");
        foreach (var (key, value) in tags)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            var shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            text.Append(Sanitize(key)).Append("=\"").Append(shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
        }

        return text.Append('}').ToString();
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        return text.Length > 0 && char.IsAsciiDigit(text[0]) ? "_" + text : text.ToString();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

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
