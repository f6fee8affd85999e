using Alluxio.Grpc.Journal;

namespace Alluxio.Journal;

/// <summary>
/// The master's journal: entries become durable, then the state machine applies them in order. A master answers a
/// caller only after <see cref="AppendAsync"/> returns, so an acknowledged change survives any crash.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>
    /// Opens the journal: restores the last checkpoint into the state machine and replays the entries after it.
    /// An empty or missing folder is formatted first; a damaged one fails with a <see cref="JournalException"/>.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Proposes one entry and returns once it is committed durably and applied to the state machine.</summary>
    /// <exception cref="JournalException">This master cannot write the journal (not the leader, closed, failed).</exception>
    public Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Takes a checkpoint now, so a restart replays only the entries after it.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken);

    /// <summary>The index of the last entry applied, 0 before any.</summary>
    public long LastAppliedIndex { get; }
}
