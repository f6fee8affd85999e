using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace Alluxio.Journal;

/// <summary>
/// Drives an <see cref="IJournalStateMachine"/> from DotNext's write-ahead log: decodes each committed entry,
/// applies it, answers the appender waiting for it, and writes and restores the checkpoints DotNext sees as
/// snapshots.
/// </summary>
/// <remarks>
/// DotNext calls <see cref="IStateMachine.ApplyAsync"/> on one background flow in log order. An exception escaping
/// it stops that flow for good, so only damage (an entry that does not decode) escapes; a throwing
/// <see cref="IJournalStateMachine.Apply"/> faults its append and the journal goes on.
/// </remarks>
internal sealed class JournalStateMachineAdapter : IStateMachine, IDisposable
{
    private readonly IJournalStateMachine _stateMachine;
    private readonly string _checkpointFolder;
    private readonly long _checkpointPeriodEntries;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    // Held while applying and while writing a checkpoint, so a checkpoint sees the state between two entries.
    private readonly SemaphoreSlim _stateLock = new(1, 1);

    private volatile CheckpointSnapshot? _snapshot;
    private long _appliedIndex;
    private long _appliedTerm;
    private long _entriesSinceCheckpoint;

    public JournalStateMachineAdapter(
        IJournalStateMachine stateMachine, string checkpointFolder, long checkpointPeriodEntries, ILogger logger, TimeProvider timeProvider)
    {
        _stateMachine = stateMachine;
        _checkpointFolder = checkpointFolder;
        _checkpointPeriodEntries = checkpointPeriodEntries;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public long LastAppliedIndex => Volatile.Read(ref _appliedIndex);

    public ISnapshot? Snapshot => _snapshot;

    /// <summary>Clears the state machine and loads the newest checkpoint into it, if there is one.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is damaged.</exception>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        CheckpointFile.DeleteTemporaries(_checkpointFolder);
        _stateMachine.Reset();
        if (CheckpointFile.FindNewest(_checkpointFolder) is not { } checkpoint)
        {
            return;
        }

        await checkpoint.VerifyAsync(cancellationToken).ConfigureAwait(false);

        // DotNext reclaims an old checkpoint only when its clean-up is not busy with the one before; nothing reads
        // the old ones before the log opens, so a start removes whatever it left.
        foreach (var older in CheckpointFile.List(_checkpointFolder).Where(older => older.Index < checkpoint.Index).ToList())
        {
            File.Delete(older.Path);
            JournalLog.CheckpointReclaimed(_logger, older.Path);
        }

        var payload = checkpoint.OpenPayload();
        await using (payload.ConfigureAwait(false))
        {
            try
            {
                await _stateMachine.RestoreCheckpointAsync(payload, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidDataException($"the state machine cannot read checkpoint {checkpoint.Index} ({e.Message})", e);
            }
        }

        _snapshot = new CheckpointSnapshot(checkpoint, _timeProvider.GetUtcNow());
        _appliedIndex = checkpoint.Index;
        _appliedTerm = checkpoint.Term;
    }

    public async ValueTask<long> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        if (entry.IsSnapshot)
        {
            return await InstallSnapshotAsync(entry, token).ConfigureAwait(false);
        }

        var applied = entry.Context as TaskCompletionSource;
        await _stateLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (entry.Index <= _appliedIndex)
            {
                applied?.TrySetResult();
                return _appliedIndex;
            }

            if (!entry.IsConfiguration && entry.TryGetPayload(out var payload) && JournalPayload.Decode(payload) is { } journalEntry)
            {
                try
                {
                    _stateMachine.Apply(journalEntry);
                }
                catch (Exception e)
                {
                    // The entry is committed: it stays, and a replay meets the same exception on the same state.
                    JournalLog.ApplyFailed(_logger, entry.Index, e);
                    Volatile.Write(ref _appliedIndex, entry.Index);
                    applied?.TrySetException(e);
                    applied = null;
                }

                _entriesSinceCheckpoint++;
            }

            _appliedTerm = entry.Term;
            Volatile.Write(ref _appliedIndex, entry.Index);
            applied?.TrySetResult();

            if (_checkpointPeriodEntries > 0 && _entriesSinceCheckpoint >= _checkpointPeriodEntries)
            {
                try
                {
                    await WriteCheckpointLockedAsync(token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A full disk must not stop the journal: the log keeps every entry until a checkpoint succeeds.
                    JournalLog.CheckpointFailed(_logger, _checkpointFolder, entry.Index, e);
                    _entriesSinceCheckpoint = 0;
                }
            }

            return entry.Index;
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>Writes a checkpoint of the state now, unless the newest one already covers every applied entry.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _stateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_appliedIndex > (_snapshot?.Index ?? 0))
            {
                await WriteCheckpointLockedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>Deletes the checkpoints older than <paramref name="watermark"/>; DotNext calls it after dropping their log pages.</summary>
    public ValueTask ReclaimGarbageAsync(long watermark, CancellationToken token)
    {
        foreach (var checkpoint in CheckpointFile.List(_checkpointFolder))
        {
            if (checkpoint.Index < watermark)
            {
                File.Delete(checkpoint.Path);
                JournalLog.CheckpointReclaimed(_logger, checkpoint.Path);
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _stateLock.Dispose();

    private async Task WriteCheckpointLockedAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await CheckpointFile.WriteAsync(
            _checkpointFolder, _appliedIndex, _appliedTerm, _stateMachine.WriteCheckpointAsync, cancellationToken).ConfigureAwait(false);
        _snapshot = new CheckpointSnapshot(checkpoint, _timeProvider.GetUtcNow());
        _entriesSinceCheckpoint = 0;
        JournalLog.CheckpointWritten(_logger, checkpoint.Index, _checkpointFolder, checkpoint.PayloadLength);
    }

    /// <summary>A leader sent its checkpoint because this member lags behind the leader's log (multi-master only).</summary>
    private async ValueTask<long> InstallSnapshotAsync(LogEntry entry, CancellationToken token)
    {
        await _stateLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            var checkpoint = await CheckpointFile.WriteFileAsync(
                _checkpointFolder,
                entry.Index,
                entry.Term,
                (file, cancellationToken) => entry.WriteToAsync(file, 1 << 16, cancellationToken).AsTask(),
                token).ConfigureAwait(false);
            await checkpoint.VerifyAsync(token).ConfigureAwait(false);
            _stateMachine.Reset();
            var payload = checkpoint.OpenPayload();
            await using (payload.ConfigureAwait(false))
            {
                await _stateMachine.RestoreCheckpointAsync(payload, token).ConfigureAwait(false);
            }

            _snapshot = new CheckpointSnapshot(checkpoint, _timeProvider.GetUtcNow());
            _appliedTerm = entry.Term;
            _entriesSinceCheckpoint = 0;
            Volatile.Write(ref _appliedIndex, entry.Index);
            return entry.Index;
        }
        finally
        {
            _stateLock.Release();
        }
    }
}
