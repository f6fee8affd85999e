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
    /// <remarks>
    /// An exception faults the append that proposed the entry (and is logged on replay), but cannot undo it: the
    /// entry is committed, stays in the journal, and every replay applies it again to the same state and meets the
    /// same exception. So whatever a throwing Apply changed must be deterministic too; validate before changing
    /// anything (all of an entry's ops or none), and validate on the leader before proposing, so that a throw
    /// means a bug rather than a refused request.
    /// </remarks>
    public void Apply(JournalEntry entry);

    /// <summary>Writes the whole state as a checkpoint that <see cref="RestoreCheckpointAsync"/> reads back.</summary>
    /// <remarks>
    /// Write a sequence of length-delimited <see cref="JournalEntry"/> messages (<c>WriteDelimitedTo</c>) that
    /// rebuild the state when applied to an empty one: <c>bin/alluxio readJournal</c> prints a checkpoint in that
    /// format op by op. The journal frames the bytes with its own header and checksum; do not add either.
    /// </remarks>
    public Task WriteCheckpointAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>Replaces the whole state with the one a checkpoint holds.</summary>
    public Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken);

    /// <summary>Drops all state, as after a format; the journal calls it before restoring and replaying at start.</summary>
    public void Reset();
}
