namespace Kodo.Client.Tests;

/// <summary>A body that hands out the bytes it kept, then does what a broken connection does (see <see cref="PartialBodyHandler"/>).</summary>
internal sealed class PartialBodyStream(ReadOnlyMemory<byte> kept, Func<CancellationToken, Task> afterKept) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < kept.Length)
        {
            var count = Math.Min(buffer.Length, kept.Length - _position);
            kept.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        await afterKept(cancellationToken);
        return 0;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
