namespace Alluxio.Worker;

/// <summary>Session ids for the store's temporary blocks: each write or fill is its own session.</summary>
internal static class SessionIds
{
    private static long s_last;

    public static long Next() => Interlocked.Increment(ref s_last);
}
