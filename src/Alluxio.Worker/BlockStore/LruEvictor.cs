namespace Alluxio.Worker.BlockStore;

/// <summary>
/// Chooses the blocks to evict from one folder, least recently used first (Alluxio's LRUAnnotator order). Blocks that
/// are pinned, leased to a reader or being removed are never chosen.
/// </summary>
internal static class LruEvictor
{
    /// <summary>The bytes <paramref name="dir"/> could offer: what is free plus every block that may be evicted.</summary>
    public static long ReachableBytes(StorageDir dir, Func<long, bool> isPinned) =>
        dir.AvailableBytes + dir.Blocks.Values.Where(b => IsEvictable(b, isPinned)).Sum(b => b.Length);

    /// <summary>
    /// The blocks to evict so that <paramref name="dir"/> has <paramref name="target"/> bytes free, or as close to it
    /// as the evictable blocks allow; null when even all of them do not free <paramref name="needed"/> bytes.
    /// </summary>
    public static List<CommittedBlock>? SelectVictims(StorageDir dir, long needed, long target, Func<long, bool> isPinned)
    {
        var free = dir.AvailableBytes;
        var victims = new List<CommittedBlock>();
        foreach (var block in dir.Blocks.Values.Where(b => IsEvictable(b, isPinned)).OrderBy(b => b.LastAccess))
        {
            if (free >= target)
            {
                break;
            }

            victims.Add(block);
            free += block.Length;
        }

        return free >= needed ? victims : null;
    }

    private static bool IsEvictable(CommittedBlock block, Func<long, bool> isPinned) =>
        block.Leases == 0 && !block.Removing && !isPinned(block.BlockId);
}
