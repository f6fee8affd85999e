using System.Buffers;
using S3.Protocol.Errors;

namespace S3.Protocol.Body;

/// <summary>
/// Feeds an aws-chunked body through <see cref="AwsChunkedDecoder"/> from a pooled buffer of fixed size, so a
/// chunk of many megabytes passes through in pieces.
/// </summary>
internal sealed class AwsChunkedPayloadReader(Stream source, AwsChunkedDecoder decoder) : PayloadReader
{
    public const int BufferSize = 64 * 1024;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;
    private bool _sourceEnded;

    public override IReadOnlyList<KeyValuePair<string, string>> Trailers => decoder.Trailers;

    public override int Read(Span<byte> destination)
    {
        while (true)
        {
            if (TryDecode(destination, out var written))
            {
                return written;
            }

            OnSourceRead(source.Read(Buffer, 0, Buffer.Length));
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecode(destination.Span, out var written))
            {
                return written;
            }

            OnSourceRead(await source.ReadAsync(Buffer.AsMemory(), cancellationToken).ConfigureAwait(false));
        }
    }

    public override void Dispose()
    {
        decoder.Dispose();
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        base.Dispose();
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(AwsChunkedPayloadReader));

    // True with the bytes decoded into destination (0 at the end); false when the buffer must be refilled first.
    private bool TryDecode(Span<byte> destination, out int written)
    {
        written = 0;
        if (!decoder.IsComplete && _start < _end)
        {
            written = decoder.Decode(Buffer.AsSpan(_start, _end - _start), destination, out var consumed);
            _start += consumed;
        }

        if (decoder.IsComplete)
        {
            if (_start < _end)
            {
                throw new S3Exception(S3ErrorCode.InvalidRequest, "The aws-chunked body is malformed: bytes follow its end.");
            }

            return true;
        }

        if (written > 0)
        {
            return true;
        }

        if (_sourceEnded)
        {
            decoder.EndOfInput();
            return true;
        }

        // The decoder took every buffered byte without producing data, so the whole buffer is free again.
        _start = 0;
        _end = 0;
        return false;
    }

    private void OnSourceRead(int count)
    {
        _end = count;
        _sourceEnded = count == 0;
    }
}
