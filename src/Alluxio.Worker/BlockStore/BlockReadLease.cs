namespace Alluxio.Worker.BlockStore;

/// <summary>A reader's hold on a committed block: it stays on disk, unevicted, until this is disposed.</summary>
public sealed class BlockReadLease : IDisposable
{
    private readonly TieredBlockStore _store;
    private readonly CommittedBlock _block;
    private int _disposed;

    internal BlockReadLease(TieredBlockStore store, CommittedBlock block, BlockInfo info)
    {
        _store = store;
        _block = block;
        Block = info;
    }

    public BlockInfo Block { get; }

    /// <summary>The block's file, for a reader that opens it itself (short-circuit reads).</summary>
    public string Path => System.IO.Path.Combine(Block.DirPath, BlockFileName.Format(Block.BlockId));

    /// <summary>Opens the block's file for asynchronous reading; dispose the stream before the lease.</summary>
    public FileStream OpenRead() =>
        new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _store.ReleaseLease(_block);
        }
    }
}
