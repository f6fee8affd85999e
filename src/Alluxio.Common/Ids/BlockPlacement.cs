namespace Alluxio.Ids;

/// <summary>
/// Which of several workers, ordered by id, a block goes to when no copy is cached. Clients (cold reads) and the
/// master (loads) choose with this one function, so reads and loads of a block meet at one worker.
/// </summary>
public static class BlockPlacement
{
    /// <summary>The position in a list of <paramref name="count"/> workers that <paramref name="blockId"/> maps to.</summary>
    public static int IndexFor(long blockId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(Mix(blockId) % (ulong)count);
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
