using System.Globalization;
using Alluxio.Configuration;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>
/// alluxio fsadmin report metrics as Alluxio 2.9 prints it: every Alluxio metric of the master, sorted by name, one
/// per line as "&lt;name&gt;  (Type: &lt;TYPE&gt;, Value: &lt;value&gt;)". Byte figures are sizes (throughputs per minute,
/// "/min"), whole numbers are grouped by thousands, other numbers are printed as they are.
/// </summary>
internal static class MetricsReportFormat
{
    public static IEnumerable<string> Lines(IReadOnlyDictionary<string, MetricValue> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            yield return $"{name}  (Type: {TypeName(value.MetricType)}, Value: {Value(name, value)})";
        }
    }

    private static string Value(string name, MetricValue value)
    {
        if (value.StringValue.Length > 0)
        {
            return value.StringValue;
        }

        var number = value.DoubleValue;
        if (name.Contains("Bytes", StringComparison.Ordinal))
        {
            var size = DataSizeFormat.Format((long)number);
            return name.Contains("Throughput", StringComparison.Ordinal) ? size + "/min" : size;
        }

        return double.IsInteger(number)
            ? ((long)number).ToString("#,##0", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Gauge => "GAUGE",
        MetricType.Counter => "COUNTER",
        MetricType.Meter => "METER",
        MetricType.Timer => "TIMER",
        MetricType.Histogram => "HISTOGRAM",
        _ => type.ToString().ToUpperInvariant(),
    };
}
