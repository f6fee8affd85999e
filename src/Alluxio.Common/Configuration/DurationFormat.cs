using System.Globalization;

namespace Alluxio.Configuration;

/// <summary>
/// Alluxio's duration notation: an integer, optionally negative, with an optional unit: ms/millisecond (the default),
/// s/sec/second, m/min/minute, h/hr/hour, d/day, any case, plural forms allowed. "-1" means "never" for keys that
/// say so.
/// </summary>
public static class DurationFormat
{
    /// <summary>Parses <paramref name="text"/> into a duration.</summary>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"{QuotedValue.Of(text)} is not a duration (examples: 100ms, 50sec, 1min, 1hr, 1day)");
    }

    /// <summary>Tries to parse <paramref name="text"/> into a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[NumberWithUnit.MaxUnitLength];
        if (!NumberWithUnit.TrySplit(text, buffer, out var number, out var unit)
            || !long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || UnitMilliseconds(unit) is not { } unitMs)
        {
            return false;
        }

        try
        {
            duration = TimeSpan.FromMilliseconds(checked(amount * unitMs));
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// Formats a duration exactly, in the largest unit that divides it: 50sec, 2min, 1day, 1500ms. Defaults and range
    /// bounds are written this way.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        (long Milliseconds, string Name)[] units = [(86_400_000, "day"), (3_600_000, "hr"), (60_000, "min"), (1_000, "sec")];
        var milliseconds = (long)duration.TotalMilliseconds;
        foreach (var (unitMs, name) in units)
        {
            if (milliseconds != 0 && milliseconds % unitMs == 0)
            {
                return (milliseconds / unitMs).ToString(CultureInfo.InvariantCulture) + name;
            }
        }

        return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>Divides a duration by the unit named <paramref name="unit"/> (MS, S, M, H, D and their long forms).</summary>
    public static bool TryConvert(TimeSpan duration, string unit, out long value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[NumberWithUnit.MaxUnitLength];
        if (unit.Length == 0 || !NumberWithUnit.TryLower(unit, buffer, out var lower) || UnitMilliseconds(lower) is not { } unitMs)
        {
            return false;
        }

        value = (long)duration.TotalMilliseconds / unitMs;
        return true;
    }

    private static long? UnitMilliseconds(ReadOnlySpan<char> lowerUnit) =>
        lowerUnit switch
        {
            "" or "ms" or "millisecond" or "milliseconds" => 1,
            "s" or "sec" or "secs" or "second" or "seconds" => 1_000,
            "m" or "min" or "mins" or "minute" or "minutes" => 60_000,
            "h" or "hr" or "hrs" or "hour" or "hours" => 3_600_000,
            "d" or "day" or "days" => 86_400_000,
            _ => null,
        };
}
