namespace Alluxio.Worker.Grpc;

/// <summary>Where a read's bytes come from: a cached block, a block being filled, or the UFS directly.</summary>
internal interface IBlockSource : IAsyncDisposable
{
    /// <summary>The block's length.</summary>
    public long Length { get; }

    /// <summary>Reads from <paramref name="position"/> in the block; 0 only at the block's end.</summary>
    public ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken);
}
