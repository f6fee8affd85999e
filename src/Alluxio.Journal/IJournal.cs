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
    /// <remarks>
    /// Entries apply one at a time in the order the journal commits them, never concurrently; concurrent callers
    /// get one order that every replay repeats. When <see cref="IJournalStateMachine.Apply"/> throws, this call
    /// faults with that same exception, but the entry is committed and stays in the journal, and later entries
    /// go on. A cancelled call may still have appended its entry: cancellation loses the answer, not the change.
    /// </remarks>
    /// <exception cref="JournalException">This master cannot write the journal (not the leader, closed, failed).</exception>
    public Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a checkpoint now (<c>bin/alluxio fsadmin journal checkpoint</c>), so a restart replays only the entries
    /// after it; applies wait while it is written. Nothing happens when the newest checkpoint covers every entry.
    /// </summary>
    public Task CheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The index of the last entry applied, 0 before any. It counts log positions (entries whose apply threw
    /// included) and grows by one per append in a single-master journal.
    /// </summary>
    public long LastAppliedIndex { get; }
}
