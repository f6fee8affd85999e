using Alluxio.Master.Block;

namespace Alluxio.Master.Commands;

/// <summary>
/// The worker a block id hashes to, stable while the set of workers stays, as the client picks the worker for a
/// cold read: loads and reads of one block then meet at one worker.
/// </summary>
public static class WorkerChoice
{
    public static LiveWorker ForBlock(long blockId, IReadOnlyList<LiveWorker> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates[(int)(Mix(blockId) % (ulong)candidates.Count)];
    }

    /// <summary>Spreads sequential block ids (one file's blocks differ only in their low bits) over the workers.</summary>
    private static ulong Mix(long value)
    {
        var x = (ulong)value;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        return x & long.MaxValue;
    }
}
