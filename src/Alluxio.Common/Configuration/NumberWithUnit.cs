namespace Alluxio.Configuration;

/// <summary>Splits Alluxio's "&lt;number&gt;&lt;unit&gt;" notation (64MB, 50sec) shared by sizes and durations.</summary>
internal static class NumberWithUnit
{
    /// <summary>The longest unit name either notation knows ("milliseconds").</summary>
    public const int MaxUnitLength = 12;

    /// <summary>
    /// Splits trimmed <paramref name="text"/> into its number and its trailing letters, the unit lower-cased into
    /// <paramref name="unitBuffer"/>. False when there is no number or the unit is too long to be one.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> text, Span<char> unitBuffer, out ReadOnlySpan<char> number, out ReadOnlySpan<char> unit)
    {
        var span = text.Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsAsciiLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        number = span[..unitStart].TrimEnd();
        var letters = span[unitStart..];
        if (number.IsEmpty || letters.Length > unitBuffer.Length)
        {
            unit = default;
            return false;
        }

        unit = unitBuffer[..letters.ToLowerInvariant(unitBuffer)];
        return true;
    }

    /// <summary>Lower-cases a unit name given on its own (getConf --unit).</summary>
    public static bool TryLower(ReadOnlySpan<char> unitText, Span<char> unitBuffer, out ReadOnlySpan<char> unit)
    {
        if (unitText.Length > unitBuffer.Length)
        {
            unit = default;
            return false;
        }

        unit = unitBuffer[..unitText.ToLowerInvariant(unitBuffer)];
        return true;
    }
}
