namespace Alluxio.Benchmarks;

/// <summary>
/// A response body of <paramref name="length"/> bytes that completes every read synchronously from one shared
/// buffer, so what a benchmark measures is the reader's own cost, not a socket's.
/// </summary>
internal sealed class PatternStream(long length) : Stream
{
    private static readonly byte[] s_pattern = CreatePattern();

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(Math.Min(buffer.Length, s_pattern.Length), length - _position);
        s_pattern.AsSpan(0, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] CreatePattern()
    {
        var pattern = new byte[64 * 1024];
        for (var i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)(i * 31);
        }

        return pattern;
    }
}
