namespace Alluxio.Worker.BlockStore;

/// <summary>The store's bookkeeping for a block being written. Guarded by the store's lock.</summary>
internal sealed class TempBlock(long sessionId, long blockId, StorageDir dir)
{
    public long SessionId { get; } = sessionId;

    public long BlockId { get; } = blockId;

    public StorageDir Dir { get; } = dir;

    public string Path => System.IO.Path.Combine(Dir.TempPath, $"{SessionId}-{BlockFileName.Format(BlockId)}");

    public long ReservedBytes { get; set; }

    /// <summary>A commit is moving the file; an abort or a second commit must not touch it.</summary>
    public bool Committing { get; set; }

    public TempBlockInfo ToInfo() => new(SessionId, BlockId, Path, Dir.Tier.Alias, ReservedBytes);
}
