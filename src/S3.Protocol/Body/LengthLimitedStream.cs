namespace S3.Protocol.Body;

/// <summary>
/// The next <c>length</c> bytes of a stream, read forward only; the inner stream stays open. An inner stream that ends
/// before them is an <see cref="IOException"/>, never a short body passed off as whole.
/// </summary>
public sealed class LengthLimitedStream(Stream inner, long length) : Stream
{
    private readonly long _length = length;
    private long _left = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _length - _left;
        set => throw new NotSupportedException("The range is read forward only.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_left == 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken).ConfigureAwait(false);
        return Counted(read, buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_left == 0)
        {
            return 0;
        }

        var read = inner.Read(buffer, offset, (int)Math.Min(count, _left));
        return Counted(read, count);
    }

    private int Counted(int read, int asked)
    {
        if (read == 0 && asked > 0)
        {
            throw new IOException($"The object ended {_left} bytes early.");
        }

        _left -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The range is read forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("The range is read only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The range is read only.");
}
