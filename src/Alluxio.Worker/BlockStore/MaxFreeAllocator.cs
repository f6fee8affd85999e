namespace Alluxio.Worker.BlockStore;

/// <summary>
/// Alluxio's default allocator: the folder with the most free bytes in the highest tier where the block fits,
/// falling back to lower tiers.
/// </summary>
internal static class MaxFreeAllocator
{
    /// <summary>A folder with <paramref name="bytes"/> free without evicting anything, or null.</summary>
    public static StorageDir? Allocate(IReadOnlyList<IReadOnlyList<StorageDir>> tiers, long bytes)
    {
        foreach (var dirs in tiers)
        {
            StorageDir? best = null;
            foreach (var dir in dirs)
            {
                if (dir.AvailableBytes >= bytes && (best is null || dir.AvailableBytes > best.AvailableBytes))
                {
                    best = dir;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }
}
