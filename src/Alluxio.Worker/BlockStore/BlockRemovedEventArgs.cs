namespace Alluxio.Worker.BlockStore;

/// <summary>A committed block that left the store; the worker tells the master.</summary>
public sealed class BlockRemovedEventArgs(long blockId, string tierAlias, BlockRemovalReason reason) : EventArgs
{
    public long BlockId { get; } = blockId;

    public string TierAlias { get; } = tierAlias;

    public BlockRemovalReason Reason { get; } = reason;
}
