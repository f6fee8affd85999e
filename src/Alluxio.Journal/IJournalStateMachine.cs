using Alluxio.Grpc.Journal;

namespace Alluxio.Journal;

/// <summary>
/// The master state a journal drives. Every change arrives as one committed <see cref="JournalEntry"/>; applying
/// the same entries to the same checkpoint always gives the same state.
/// </summary>
public interface IJournalStateMachine
{
    /// <summary>
    /// Applies one committed entry. Deterministic: it reads nothing but the entry and the state, never calls a UFS,
    /// and is never called concurrently with itself or with the checkpoint methods.
    /// </summary>
    public void Apply(JournalEntry entry);

    /// <summary>Writes the whole state as a checkpoint that <see cref="RestoreCheckpointAsync"/> reads back.</summary>
    public Task WriteCheckpointAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>Replaces the whole state with the one a checkpoint holds.</summary>
    public Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken);

    /// <summary>Drops all state, as after a format.</summary>
    public void Reset();
}
