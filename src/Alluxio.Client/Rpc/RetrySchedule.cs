using Alluxio.Configuration;

namespace Alluxio.Client.Rpc;

/// <summary>
/// When a call to the master that failed as unavailable is tried again, as Alluxio's alluxio.user.rpc.retry.*
/// keys say: the first wait is the base sleep, each further wait doubles up to the max sleep, and no wait reaches
/// past the max duration counted from the first attempt.
/// </summary>
internal sealed record RetrySchedule(TimeSpan BaseSleep, TimeSpan MaxSleep, TimeSpan MaxDuration)
{
    public static RetrySchedule From(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new RetrySchedule(
            NonNegative(configuration.GetDuration(PropertyKeys.UserRpcRetryBaseSleep)),
            NonNegative(configuration.GetDuration(PropertyKeys.UserRpcRetryMaxSleep)),
            NonNegative(configuration.GetDuration(PropertyKeys.UserRpcRetryMaxDuration)));
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (0 for the first retry), or null when the time
    /// budget is spent after <paramref name="elapsed"/>.
    /// </summary>
    public TimeSpan? NextDelay(int retry, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        if (elapsed >= MaxDuration)
        {
            return null;
        }

        var delay = MaxSleep;
        if (retry < 62)
        {
            var ticks = BaseSleep.Ticks;
            var scaled = ticks > (long.MaxValue >> retry) ? long.MaxValue : ticks << retry;
            delay = scaled < MaxSleep.Ticks ? TimeSpan.FromTicks(scaled) : MaxSleep;
        }

        var remaining = MaxDuration - elapsed;
        return delay < remaining ? delay : remaining;
    }

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
