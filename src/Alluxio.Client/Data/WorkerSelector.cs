using Alluxio.Grpc;
using Alluxio.Ids;

namespace Alluxio.Client.Data;

/// <summary>
/// Chooses the worker for each kind of block access: a cached copy on this machine first, then any cached copy;
/// for a miss the worker the block id hashes to, so concurrent cold reads of one block from
/// many clients meet at one worker, which reads the UFS once. Workers on this machine are preferred.
/// </summary>
internal sealed class WorkerSelector(LocalHost localHost)
{
    /// <summary>A worker holding the block, local first, or null when none is left to try.</summary>
    public BlockLocation? ForCachedRead(BlockInfo? block, IReadOnlySet<long> excluded)
    {
        if (block is null)
        {
            return null;
        }

        BlockLocation? remote = null;
        foreach (var location in block.Locations)
        {
            if (excluded.Contains(location.WorkerId))
            {
                continue;
            }

            if (localHost.IsLocal(location.WorkerAddress))
            {
                return location;
            }

            remote ??= location;
        }

        return remote;
    }

    /// <summary>The worker that reads a block from the UFS, or null when every worker is excluded.</summary>
    public WorkerInfo? ForUfsRead(long blockId, IReadOnlyList<WorkerInfo> workers, IReadOnlySet<long> excluded)
    {
        var candidates = Preferred(workers, excluded);
        return candidates.Count == 0 ? null : candidates[BlockPlacement.IndexFor(blockId, candidates.Count)];
    }

    /// <summary>The worker a new file's blocks go to: the local one, else one at random.</summary>
    public WorkerInfo? ForWrite(IReadOnlyList<WorkerInfo> workers, IReadOnlySet<long> excluded)
    {
        var candidates = Preferred(workers, excluded);
        return candidates.Count == 0 ? null : candidates[Random.Shared.Next(candidates.Count)];
    }

    /// <summary>The workers on this machine when there are any left, else every worker left.</summary>
    private List<WorkerInfo> Preferred(IReadOnlyList<WorkerInfo> workers, IReadOnlySet<long> excluded)
    {
        var left = workers.Where(w => !excluded.Contains(w.Id)).ToList();
        var local = left.Where(w => localHost.IsLocal(w.Address)).ToList();
        return local.Count > 0 ? local : left;
    }
}
