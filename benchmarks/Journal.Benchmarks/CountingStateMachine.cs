using Alluxio.Grpc.Journal;
using Alluxio.Journal;

namespace Journal.Benchmarks;

/// <summary>Costs next to nothing to apply, so the figures are the journal's own.</summary>
internal sealed class CountingStateMachine : IJournalStateMachine
{
    public long Applied { get; private set; }

    public void Apply(JournalEntry entry) => Applied++;

    public Task WriteCheckpointAsync(Stream destination, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Reset() => Applied = 0;
}
