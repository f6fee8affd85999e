using System.Globalization;

namespace S3.Protocol;

/// <summary>The Range request header as S3 applies it to GET and HEAD Object.</summary>
public static class S3Range
{
    private const string BytesUnit = "bytes=";

    /// <summary>
    /// Reads a Range header against an object of <paramref name="length"/> bytes. bytes=a-b, bytes=a- and
    /// bytes=-n give the bytes they name, clipped to the object; a range starting at or after the end (and any
    /// range of an empty object, or a suffix of zero bytes) is <see cref="S3RangeResult.NotSatisfiable"/>; a header
    /// that is malformed, not in bytes, or names several ranges is ignored as S3 ignores it, so the whole object
    /// is sent.
    /// </summary>
    /// <param name="offset">The first byte to send; 0 unless the result is Partial.</param>
    /// <param name="count">How many bytes to send: the length for WholeObject, 0 for NotSatisfiable.</param>
    public static S3RangeResult TryParse(string? header, long length, out long offset, out long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        offset = 0;
        count = length;
        var spec = header.AsSpan().Trim();
        if (!spec.StartsWith(BytesUnit, StringComparison.OrdinalIgnoreCase))
        {
            return S3RangeResult.WholeObject;
        }

        spec = spec[BytesUnit.Length..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0 || spec.Contains(','))
        {
            return S3RangeResult.WholeObject;
        }

        var firstText = spec[..dash].Trim();
        var lastText = spec[(dash + 1)..].Trim();
        if (firstText.IsEmpty)
        {
            // A suffix: the last n bytes.
            if (!TryParseNumber(lastText, out var suffixLength))
            {
                return S3RangeResult.WholeObject;
            }

            if (suffixLength == 0 || length == 0)
            {
                return NotSatisfiable(out offset, out count);
            }

            count = Math.Min(suffixLength, length);
            offset = length - count;
            return S3RangeResult.Partial;
        }

        if (!TryParseNumber(firstText, out var first))
        {
            return S3RangeResult.WholeObject;
        }

        var last = long.MaxValue;
        if (!lastText.IsEmpty && !TryParseNumber(lastText, out last))
        {
            return S3RangeResult.WholeObject;
        }

        // RFC 9110 makes a range whose last byte precedes its first invalid, and an invalid range is ignored.
        if (last < first)
        {
            return S3RangeResult.WholeObject;
        }

        if (first >= length)
        {
            return NotSatisfiable(out offset, out count);
        }

        offset = first;
        count = Math.Min(last, length - 1) - first + 1;
        return S3RangeResult.Partial;
    }

    /// <summary>The Content-Range value of a 206 response: "bytes first-last/length".</summary>
    public static string FormatContentRange(long offset, long count, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes {offset}-{offset + count - 1}/{length}");

    /// <summary>The Content-Range value of a 416 response: "bytes */length".</summary>
    public static string FormatUnsatisfiedContentRange(long length) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes */{length}");

    private static S3RangeResult NotSatisfiable(out long offset, out long count)
    {
        offset = 0;
        count = 0;
        return S3RangeResult.NotSatisfiable;
    }

    // Digits only: long.TryParse would also take signs and spaces, which a byte position cannot have.
    private static bool TryParseNumber(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
