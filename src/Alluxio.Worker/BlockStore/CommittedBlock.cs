namespace Alluxio.Worker.BlockStore;

/// <summary>The store's bookkeeping for one committed block. Guarded by the store's lock.</summary>
internal sealed class CommittedBlock(long blockId, long length, StorageDir dir)
{
    public long BlockId { get; } = blockId;

    public long Length { get; } = length;

    public StorageDir Dir { get; } = dir;

    public string Path => System.IO.Path.Combine(Dir.DataPath, BlockFileName.Format(BlockId));

    /// <summary>The store's access clock at the last read or the commit; the smallest is evicted first.</summary>
    public long LastAccess { get; set; }

    public int Leases { get; set; }

    /// <summary>A removal waits for the leases to end; no new lease is granted meanwhile.</summary>
    public bool Removing { get; set; }

    /// <summary>Completed when the last lease ends while a removal waits.</summary>
    public TaskCompletionSource? LeasesReleased { get; set; }

    public BlockInfo ToInfo() => new(BlockId, Length, Dir.Tier.Alias, Dir.DataPath);
}
