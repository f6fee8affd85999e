using Alluxio.Grpc;

namespace Alluxio.Worker.Master;

/// <summary>
/// The blocks added and removed since the last heartbeat took them. The latest change of a block wins, so a block
/// cached and then evicted between two heartbeats is reported once, as removed.
/// </summary>
internal sealed class BlockChangeLog
{
    private readonly Lock _lock = new();
    private Dictionary<long, BlockStoreLocationProto?> _changes = [];

    public void Added(long blockId, BlockStoreLocationProto location)
    {
        lock (_lock)
        {
            _changes[blockId] = location;
        }
    }

    public void Removed(long blockId)
    {
        lock (_lock)
        {
            _changes[blockId] = null;
        }
    }

    /// <summary>Takes every change: added blocks map to their location, removed ones to null.</summary>
    public Dictionary<long, BlockStoreLocationProto?> Drain()
    {
        lock (_lock)
        {
            var drained = _changes;
            _changes = [];
            return drained;
        }
    }

    /// <summary>Puts back changes a failed heartbeat did not deliver, under any change made since.</summary>
    public void Restore(Dictionary<long, BlockStoreLocationProto?> undelivered)
    {
        ArgumentNullException.ThrowIfNull(undelivered);
        lock (_lock)
        {
            foreach (var (blockId, location) in undelivered)
            {
                _changes.TryAdd(blockId, location);
            }
        }
    }
}
