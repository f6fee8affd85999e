using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker.Blocks;

/// <summary>The blocks written with pinOnCreate: the store never evicts them until they are removed.</summary>
internal sealed class PinnedBlocks
{
    private readonly Lock _lock = new();
    private readonly HashSet<long> _pinned = [];
    private readonly TieredBlockStore _store;

    public PinnedBlocks(TieredBlockStore store)
    {
        _store = store;
        store.BlockRemoved += (_, e) => Unpin(e.BlockId);
    }

    public bool Contains(long blockId)
    {
        lock (_lock)
        {
            return _pinned.Contains(blockId);
        }
    }

    public void Pin(long blockId) => Change(set => set.Add(blockId));

    public void Unpin(long blockId) => Change(set => set.Remove(blockId));

    private void Change(Func<HashSet<long>, bool> change)
    {
        lock (_lock)
        {
            if (change(_pinned))
            {
                _store.SetPinnedBlocks([.. _pinned]);
            }
        }
    }
}
