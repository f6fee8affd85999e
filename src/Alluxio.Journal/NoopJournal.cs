using Alluxio.Grpc.Journal;

namespace Alluxio.Journal;

/// <summary>
/// The NOOP journal (alluxio.master.journal.type=NOOP): applies each entry at once under a lock and keeps nothing,
/// so a restart starts empty. Ordering and errors are those of <see cref="RaftJournal"/>: entries apply one at a
/// time in append order, and an exception from <see cref="IJournalStateMachine.Apply"/> faults that append only.
/// </summary>
public sealed class NoopJournal : IJournal
{
    private readonly IJournalStateMachine _stateMachine;
    private readonly Lock _applyLock = new();
    private long _lastAppliedIndex;
    private int _state; // 0 new, 1 open, 2 disposed

    public NoopJournal(IJournalStateMachine stateMachine)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        _stateMachine = stateMachine;
    }

    public long LastAppliedIndex => Volatile.Read(ref _lastAppliedIndex);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("A journal starts once; create a new one to start again.");
        }

        // Nothing was kept, so the journal's state is the empty one, as after a format.
        lock (_applyLock)
        {
            _stateMachine.Reset();
        }

        return Task.CompletedTask;
    }

    public Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_applyLock)
        {
            if (_state != 1)
            {
                return Task.FromException(new JournalException("The journal is not open; the master is starting or stopping."));
            }

            // The index advances even when Apply throws, as in the embedded journal where the entry stays logged.
            Volatile.Write(ref _lastAppliedIndex, _lastAppliedIndex + 1);
            try
            {
                _stateMachine.Apply(entry);
            }
            catch (Exception e)
            {
                return Task.FromException(e);
            }
        }

        return Task.CompletedTask;
    }

    public Task CheckpointAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        lock (_applyLock)
        {
            _state = 2;
        }

        return ValueTask.CompletedTask;
    }
}
