using System.Text;

namespace S3.Protocol;

/// <summary>
/// AWS's UriEncode: every UTF-8 byte except the unreserved A-Z a-z 0-9 - . _ ~ becomes %XX in upper-case hex.
/// Signature V4 canonicalizes paths and query strings with it, and S3 encodes listing values with it when a
/// request asks for encoding-type=url.
/// </summary>
public static class S3UriEncoding
{
    private const string UpperHexDigits = "0123456789ABCDEF";

    /// <summary>Encodes the UTF-8 bytes of value; '/' is kept as it is unless encodeSlash.</summary>
    public static string Encode(string value, bool encodeSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        AppendEncoded(builder, Encoding.UTF8.GetBytes(value), encodeSlash);
        return builder.ToString();
    }

    /// <summary>Appends the encoding of raw bytes, so that text that did not decode to valid UTF-8 survives.</summary>
    public static void AppendEncoded(StringBuilder builder, ReadOnlySpan<byte> bytes, bool encodeSlash)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (b == '/' && !encodeSlash))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(UpperHexDigits[b >> 4]).Append(UpperHexDigits[b & 0xF]);
            }
        }
    }

    /// <summary>
    /// Decodes %XX escapes to bytes; a '%' not followed by two hex digits stays a literal '%'. In a query string
    /// '+' stands for a space (plusIsSpace); in a path it is itself.
    /// </summary>
    public static byte[] PercentDecode(ReadOnlySpan<char> text, bool plusIsSpace)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (c == '+' && plusIsSpace)
            {
                bytes.Add((byte)' ');
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // A raw non-ASCII character (clients should escape it, but some send it as is).
                var charCount = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(text.Slice(i, charCount), utf8);
                for (var j = 0; j < written; j++)
                {
                    bytes.Add(utf8[j]);
                }

                i += charCount - 1;
            }
        }

        return [.. bytes];
    }

    /// <summary>Decodes %XX escapes and reads the bytes as UTF-8.</summary>
    public static string Decode(string text, bool plusIsSpace)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.UTF8.GetString(PercentDecode(text, plusIsSpace));
    }

    private static bool IsUnreserved(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
