using Alluxio.Grpc.Journal;
using Alluxio.Journal;

namespace Alluxio.Master.Tests;

/// <summary>The NOOP journal, keeping a copy of every entry it applied so a test can replay them elsewhere.</summary>
internal sealed class RecordingJournal(IJournalStateMachine stateMachine) : IJournal
{
    private readonly NoopJournal _inner = new(stateMachine);
    private readonly List<JournalEntry> _entries = [];
    private readonly Lock _gate = new();

    public long LastAppliedIndex => _inner.LastAppliedIndex;

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => _inner.StartAsync(cancellationToken);

    public async Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Task applied;
        lock (_gate)
        {
            // Recorded in the order applied: the NOOP journal applies before its task returns, under this lock.
            _entries.Add(entry.Clone());
            applied = _inner.AppendAsync(entry, cancellationToken);
        }

        await applied;
    }

    public Task CheckpointAsync(CancellationToken cancellationToken) => _inner.CheckpointAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
