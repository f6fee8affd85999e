using System.Globalization;
using Alluxio.Configuration;
using Alluxio.Formatting;

namespace Alluxio.Server.Web;

/// <summary>How the web UI writes figures, as Alluxio's does: sizes as 10.00KB, dates in alluxio.user.date.format.pattern, spans as clock times.</summary>
public sealed class WebFormats(JavaDateFormat dates)
{
    public static WebFormats From(AlluxioConfiguration configuration) =>
        new(new JavaDateFormat(configuration.Get(PropertyKeys.UserDateFormatPattern), TimeZoneInfo.Local));

    public static string Size(long bytes) => DataSizeFormat.Format(bytes);

    /// <summary>A size, or Alluxio's "UNKNOWN" for a UFS that does not report it (negative).</summary>
    public static string SizeOrUnknown(long bytes) => bytes < 0 ? "UNKNOWN" : Size(bytes);

    public static string Uptime(TimeSpan span) => ClockTime.Format((long)span.TotalMilliseconds);

    public static int Percent(long part, long total) => total <= 0 ? 0 : (int)(part * 100 / total);

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A time as epoch milliseconds, or "" when unknown (0), as the UI shows unset times.</summary>
    public string Date(long epochMs) => epochMs <= 0 ? "" : dates.Format(epochMs);
}
