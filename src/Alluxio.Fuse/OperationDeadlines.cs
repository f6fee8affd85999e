using System.Collections.Concurrent;

namespace Alluxio.Fuse;

/// <summary>
/// Cancellation sources that fire after the mount's operation timeout, reused across requests so a steady stream
/// of reads allocates none. A source that fired is dropped rather than reused.
/// </summary>
internal sealed class OperationDeadlines(TimeSpan timeout, TimeProvider time)
{
    private const int MaxPooled = 256;
    private readonly ConcurrentBag<CancellationTokenSource> _pool = [];

    public TimeSpan Timeout { get; } = timeout;

    public CancellationTokenSource Rent()
    {
        if (!_pool.TryTake(out var source))
        {
            source = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, time);
        }

        source.CancelAfter(Timeout);
        return source;
    }

    public void Return(CancellationTokenSource source)
    {
        if (_pool.Count < MaxPooled && source.TryReset())
        {
            _pool.Add(source);
        }
        else
        {
            source.Dispose();
        }
    }
}
