using System.Text.Unicode;

namespace Kodo.Protocol.Auth;

/// <summary>Text appends for <see cref="ISigningSink"/>; text is signed as UTF-8, encoded in small stack chunks.</summary>
internal static class SigningSinkExtensions
{
    private const int ChunkSize = 256;

    public static void Append(this ISigningSink sink, ReadOnlySpan<char> text)
    {
        Span<byte> chunk = stackalloc byte[ChunkSize];
        while (!text.IsEmpty)
        {
            // A pair of surrogates is never split across chunks: the transcoder stops before one that does not fit.
            Utf8.FromUtf16(text, chunk, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            sink.Append(chunk[..written]);
            text = text[read..];
        }
    }

    public static void AppendAscii(this ISigningSink sink, char c)
    {
        Span<byte> one = [(byte)c];
        sink.Append(one);
    }
}
