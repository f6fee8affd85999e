namespace Alluxio.Master.Commands;

/// <summary>One file waiting to be persisted, as the scheduler tracks it in memory.</summary>
internal sealed class PersistJob(long fileId, long firstSeenMs, long backoffMs)
{
    public long FileId { get; } = fileId;

    /// <summary>When the scheduler first saw the file waiting; it gives up max.total.wait.time later.</summary>
    public long FirstSeenMs { get; } = firstSeenMs;

    public long NextAttemptMs { get; set; } = firstSeenMs;

    public long BackoffMs { get; set; } = backoffMs;

    /// <summary>The command out at a worker, or null when none is.</summary>
    public PersistAttempt? InFlight { get; set; }
}
