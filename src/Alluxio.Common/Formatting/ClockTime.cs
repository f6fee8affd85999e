using System.Globalization;

namespace Alluxio.Formatting;

/// <summary>A span as Alluxio's reports write it: "143 day(s), 15 hour(s), 53 minute(s), and 32 second(s)".</summary>
public static class ClockTime
{
    public static string Format(long milliseconds)
    {
        var span = TimeSpan.FromMilliseconds(milliseconds);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(long)span.TotalDays} day(s), {span.Hours} hour(s), {span.Minutes} minute(s), and {span.Seconds} second(s)");
    }
}
