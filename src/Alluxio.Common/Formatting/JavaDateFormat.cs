using System.Globalization;
using System.Text;

namespace Alluxio.Formatting;

/// <summary>
/// Dates in a Java SimpleDateFormat pattern such as Alluxio's alluxio.user.date.format.pattern
/// (MM-dd-yyyy HH:mm:ss:SSS): y, M, d, H, h, m, s, S, a, E and z are understood; other letters and quoted text print as
/// written.
/// </summary>
public sealed class JavaDateFormat
{
    private readonly string _netPattern;
    private readonly TimeZoneInfo _timeZone;

    public JavaDateFormat(string javaPattern, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(javaPattern);
        ArgumentNullException.ThrowIfNull(timeZone);
        _netPattern = Translate(javaPattern);
        _timeZone = timeZone;
    }

    /// <summary>The date of <paramref name="epochMs"/> (milliseconds since 1970 UTC) in the zone given.</summary>
    public string Format(long epochMs) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), _timeZone).ToString(_netPattern, CultureInfo.InvariantCulture);

    /// <summary>The .NET custom format string with the same meaning as <paramref name="javaPattern"/>.</summary>
    public static string Translate(string javaPattern)
    {
        ArgumentNullException.ThrowIfNull(javaPattern);
        var result = new StringBuilder();
        var i = 0;
        while (i < javaPattern.Length)
        {
            var c = javaPattern[i];
            if (c == '\'')
            {
                var end = javaPattern.IndexOf('\'', i + 1);
                var literal = end < 0 ? javaPattern[(i + 1)..] : javaPattern[(i + 1)..end];
                AppendLiteral(result, literal.Length == 0 && end == i + 1 ? "'" : literal);
                i = end < 0 ? javaPattern.Length : end + 1;
                continue;
            }

            var run = 1;
            while (i + run < javaPattern.Length && javaPattern[i + run] == c)
            {
                run++;
            }

            result.Append(c switch
            {
                'y' => run == 2 ? "yy" : "yyyy",
                'M' => new string('M', Math.Min(run, 4)),
                'd' or 'H' or 'h' or 'm' or 's' => new string(c, Math.Min(run, 2)),
                'S' => new string('f', Math.Min(run, 7)),
                'a' => "tt",
                'E' => run >= 4 ? "dddd" : "ddd",
                'z' or 'Z' or 'X' => "zzz",
                _ => null,
            } ?? Literal(new string(c, run)));
            i += run;
        }

        return result.ToString();
    }

    private static string Literal(string text)
    {
        var builder = new StringBuilder();
        AppendLiteral(builder, text);
        return builder.ToString();
    }

    private static void AppendLiteral(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            builder.Append('\\').Append(c);
        }
    }
}
