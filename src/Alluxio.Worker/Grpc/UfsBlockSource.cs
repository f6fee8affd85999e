namespace Alluxio.Worker.Grpc;

/// <summary>
/// A block streamed straight from the UFS without caching it (NO_CACHE): the stream was opened at the read's first
/// byte, and reads come in order, so the position only checks that.
/// </summary>
internal sealed class UfsBlockSource(Stream ufs, long length, long start, UfsCounters counters) : IBlockSource
{
    private long _position = start;

    public long Length => length;

    public async ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (position != _position)
        {
            throw new InvalidOperationException($"A UFS block stream reads in order: asked for byte {position} at byte {_position}.");
        }

        var read = await ufs.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        counters.AddRead(read);
        return read;
    }

    public ValueTask DisposeAsync() => ufs.DisposeAsync();
}
