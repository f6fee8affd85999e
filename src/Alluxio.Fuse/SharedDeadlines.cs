namespace Alluxio.Fuse;

/// <summary>
/// Request deadlines without a timer per request: requests that start within the same second share one
/// cancellation source, made by the first of them, which fires between <c>timeout</c> and <c>timeout</c> plus a
/// second after each one's start. At thousands of requests a second that is one timer a second instead of one per
/// request, and no allocation on the read path.
/// </summary>
internal sealed class SharedDeadlines(TimeSpan timeout, TimeProvider time)
{
    private static readonly TimeSpan s_granularity = TimeSpan.FromSeconds(1);

    private readonly long _ticksPerBucket = (long)(s_granularity.TotalSeconds * time.TimestampFrequency);
    private Bucket? _current;

    /// <summary>A token that is cancelled no sooner than the timeout from now, and no later than a second after that.</summary>
    public CancellationToken Next()
    {
        var index = time.GetTimestamp() / _ticksPerBucket;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Index == index)
        {
            return current.Source.Token;
        }

        // Never disposed: requests may still hold its token; once it fires its timer is gone.
        var fresh = new Bucket(index, new CancellationTokenSource(timeout + s_granularity, time));
        var seen = Interlocked.CompareExchange(ref _current, fresh, current);
        // Another request installed a source first; it is only good if it is this second's (a thread that stalled
        // could have installed an older one, which would cut this request's deadline short).
        return seen == current || seen!.Index != index ? fresh.Source.Token : seen.Source.Token;
    }

    private sealed record Bucket(long Index, CancellationTokenSource Source);
}
