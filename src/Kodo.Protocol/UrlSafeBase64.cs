using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Kodo.Protocol;

/// <summary>
/// Qiniu's urlsafe_b64: the RFC 4648 §5 alphabet ('-' and '_' for '+' and '/') with '=' padding kept and no line
/// breaks. Every SDK emits the padding and signatures cover the padded text, so encoders must keep it; decoders
/// accept it with or without padding because servers are expected to be lenient.
/// </summary>
public static class UrlSafeBase64
{
    private const char Padding = '=';

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The length of the padded encoding of <paramref name="byteCount"/> bytes.</summary>
    public static int GetEncodedLength(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(byteCount, int.MaxValue / 4 * 3);
        return (byteCount + 2) / 3 * 4;
    }

    /// <summary>Encodes <paramref name="data"/> with padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        return string.Create(GetEncodedLength(data.Length), data, static (chars, bytes) => EncodeCore(bytes, chars));
    }

    /// <summary>Encodes the UTF-8 bytes of <paramref name="text"/> with padding.</summary>
    public static string EncodeString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var byteCount = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        Span<byte> bytes = byteCount <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, bytes);
            return Encode(bytes[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Encodes <paramref name="data"/> with padding into <paramref name="destination"/>.</summary>
    /// <returns>False when <paramref name="destination"/> is shorter than <see cref="GetEncodedLength"/>.</returns>
    public static bool TryEncode(ReadOnlySpan<byte> data, Span<char> destination, out int charsWritten)
    {
        var length = GetEncodedLength(data.Length);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        EncodeCore(data, destination[..length]);
        charsWritten = length;
        return true;
    }

    /// <summary>Decodes <paramref name="text"/>, which may be padded or not.</summary>
    /// <exception cref="FormatException">The text is not URL-safe base64.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryDecode(text, out var bytes)
            ? bytes
            : throw new FormatException("The value is not URL-safe base64.");
    }

    /// <summary>
    /// Decodes <paramref name="text"/>, which may carry full padding or none. Whitespace, the standard alphabet's
    /// '+' and '/', partial padding and non-zero trailing bits are rejected.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (!TryStripPadding(text, out var data))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(data.Length)];
        if (!TryDecodeCore(data, buffer, out var written))
        {
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }

    /// <summary>Decodes <paramref name="text"/> into <paramref name="destination"/>, as <see cref="TryDecode(ReadOnlySpan{char}, out byte[])"/> does.</summary>
    /// <returns>False when the text is not URL-safe base64 or <paramref name="destination"/> is too short.</returns>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        return TryStripPadding(text, out var data) && TryDecodeCore(data, destination, out bytesWritten);
    }

    /// <summary>Decodes <paramref name="text"/> and reads the bytes as strict UTF-8.</summary>
    /// <returns>False when the text is not URL-safe base64 or the bytes are not valid UTF-8.</returns>
    public static bool TryDecodeString(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!TryDecode(text, out var bytes))
        {
            return false;
        }

        try
        {
            value = s_strictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static void EncodeCore(ReadOnlySpan<byte> data, Span<char> destination)
    {
        var written = Base64Url.EncodeToChars(data, destination);
        destination[written..].Fill(Padding);
    }

    private static bool TryDecodeCore(ReadOnlySpan<char> data, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (data.Length % 4 == 1 || Base64Url.GetMaxDecodedLength(data.Length) > destination.Length)
        {
            return false;
        }

        return Base64Url.DecodeFromChars(data, destination, out var consumed, out bytesWritten) == OperationStatus.Done
            && consumed == data.Length;
    }

    // Accepts full padding or none, and nothing outside the URL-safe alphabet; Base64Url alone would also skip
    // whitespace and accept partial padding.
    private static bool TryStripPadding(ReadOnlySpan<char> text, out ReadOnlySpan<char> data)
    {
        data = text.TrimEnd(Padding);
        var padding = text.Length - data.Length;
        if (padding > 0 && (padding > 2 || text.Length % 4 != 0))
        {
            return false;
        }

        foreach (var c in data)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
