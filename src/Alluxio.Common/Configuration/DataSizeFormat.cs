using System.Diagnostics;
using System.Globalization;

namespace Alluxio.Configuration;

/// <summary>
/// Alluxio's byte-size notation: a decimal number with an optional unit B, K/KB/KiB, M/MB/MiB, G/GB/GiB, T/TB/TiB or
/// P/PB/PiB, any case. Every unit is binary (1KB = 1024 bytes), as in Alluxio.
/// </summary>
public static class DataSizeFormat
{
    private const long Kilo = 1L << 10;

    /// <summary>Parses <paramref name="text"/> into a byte count.</summary>
    /// <exception cref="FormatException">The text is not a size.</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var bytes)
            ? bytes
            : throw new FormatException($"{QuotedValue.Of(text)} is not a byte size (examples: 1024, 64MB, 1GB)");
    }

    /// <summary>Tries to parse <paramref name="text"/> into a byte count.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[NumberWithUnit.MaxUnitLength];
        if (!NumberWithUnit.TrySplit(text, buffer, out var number, out var unit)
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || UnitMultiplier(unit) is not { } multiplier)
        {
            return false;
        }

        try
        {
            bytes = (long)decimal.Floor(amount * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Divides a byte count by the unit named <paramref name="unit"/> (B, KB, MB, GB, TB or PB).</summary>
    public static bool TryConvert(long bytes, string unit, out long value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[NumberWithUnit.MaxUnitLength];
        if (unit.Length == 0 || !NumberWithUnit.TryLower(unit, buffer, out var lower) || UnitMultiplier(lower) is not { } multiplier)
        {
            return false;
        }

        value = bytes / multiplier;
        return true;
    }

    /// <summary>
    /// Formats a byte count exactly, in the largest unit that divides it: 8MB, 1GB, 1536KB, 100B. Defaults and range
    /// bounds are written this way.
    /// </summary>
    public static string FormatExact(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        var unit = 0;
        while (bytes != 0 && bytes % Kilo == 0 && unit < units.Length - 1)
        {
            bytes /= Kilo;
            unit++;
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + units[unit];
    }

    /// <summary>Formats a byte count the way Alluxio's reports do: 5120B, 10.00KB, 64.00MB.</summary>
    public static string Format(long bytes)
    {
        if (bytes <= 5 * Kilo)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        }

        string[] units = ["KB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        foreach (var unit in units)
        {
            value /= Kilo;
            if (value <= 5 * Kilo || unit == "EB")
            {
                return value.ToString("F2", CultureInfo.InvariantCulture) + unit;
            }
        }

        throw new UnreachableException();
    }

    private static long? UnitMultiplier(ReadOnlySpan<char> lowerUnit) =>
        lowerUnit switch
        {
            "" or "b" => 1,
            "k" or "kb" or "ki" or "kib" => Kilo,
            "m" or "mb" or "mi" or "mib" => Kilo * Kilo,
            "g" or "gb" or "gi" or "gib" => Kilo * Kilo * Kilo,
            "t" or "tb" or "ti" or "tib" => Kilo * Kilo * Kilo * Kilo,
            "p" or "pb" or "pi" or "pib" => Kilo * Kilo * Kilo * Kilo * Kilo,
            _ => null,
        };
}
