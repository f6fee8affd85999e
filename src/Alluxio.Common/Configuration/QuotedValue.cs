using System.Globalization;

namespace Alluxio.Configuration;

/// <summary>
/// Quotes a value for an error message, cut to a readable length: a 10 MB value pasted by mistake must not flood a
/// terminal or a log. Every configuration message that repeats a value goes through here.
/// </summary>
public static class QuotedValue
{
    /// <summary>How many characters of a value a message shows.</summary>
    public const int MaxShownLength = 64;

    /// <summary>'value', or 'first 64 characters…(N chars)' for a longer one.</summary>
    public static string Of(string value) => $"'{Shorten(value)}'";

    /// <summary>The value, or its first 64 characters followed by …(N chars) when it is longer.</summary>
    public static string Shorten(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaxShownLength
            ? value
            : string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, MaxShownLength)}…({value.Length} chars)");
    }
}
