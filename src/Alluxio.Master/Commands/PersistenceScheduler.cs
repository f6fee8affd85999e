using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Block;
using Alluxio.Master.Inodes;
using Alluxio.Master.Operations;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using Alluxio.UnderFs;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Commands;

/// <summary>
/// Persists complete TO_BE_PERSISTED files (ASYNC_THROUGH, fs persist) through workers. The files waiting are the
/// journaled tree's (<see cref="InodeTree.FilesToPersist"/>), so a restarted master picks them up again. Every
/// alluxio.master.persistence.scheduler.interval each file due is sent to the live worker holding most of its
/// blocks; a failure is retried after a backoff from initial.interval doubling up to max.interval, and after
/// max.total.wait.time the file is given up as NOT_PERSISTED. A worker's report of success is checked against the
/// UFS before the file is journaled PERSISTED with its fingerprint.
/// </summary>
public sealed partial class PersistenceScheduler : IWorkerReportListener, IWorkerCommandSource
{
    private readonly NamespaceContext _context;
    private readonly long _initialBackoffMs;
    private readonly long _maxBackoffMs;
    private readonly long _maxTotalWaitMs;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, PersistJob> _jobs = [];

    // Commands waiting for their worker's next heartbeat, by worker and file.
    private readonly Dictionary<long, Dictionary<long, PersistFile>> _outbox = [];

    public PersistenceScheduler(NamespaceContext context)
    {
        _context = context;
        var configuration = context.Configuration;
        _initialBackoffMs = (long)configuration.GetDuration(PropertyKeys.MasterPersistenceInitialInterval).TotalMilliseconds;
        _maxBackoffMs = (long)configuration.GetDuration(PropertyKeys.MasterPersistenceMaxInterval).TotalMilliseconds;
        _maxTotalWaitMs = (long)configuration.GetDuration(PropertyKeys.MasterPersistenceMaxTotalWaitTime).TotalMilliseconds;
        _logger = context.LoggerFactory.CreateLogger<PersistenceScheduler>();
    }

    private InodeTree Tree => _context.Tree;

    /// <summary>Schedules every <paramref name="interval"/> on the master's clock until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _context.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await ScheduleOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (AlluxioException e)
                {
                    LogRoundFailed(_logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: takes up new waiting files, gives up expired ones and sends the due ones to workers.</summary>
    public async Task ScheduleOnceAsync(CancellationToken cancellationToken)
    {
        var now = _context.NowMs;
        HashSet<long> waiting;
        using (Tree.ReadLocked())
        {
            waiting = [.. Tree.FilesToPersist];
        }

        var due = new List<long>();
        var expired = new List<long>();
        lock (_gate)
        {
            foreach (var fileId in _jobs.Keys.Where(id => !waiting.Contains(id)).ToList())
            {
                Forget(fileId);
            }

            foreach (var fileId in waiting)
            {
                if (!_jobs.TryGetValue(fileId, out var job))
                {
                    job = new PersistJob(fileId, now, _initialBackoffMs);
                    _jobs[fileId] = job;
                }

                if (now - job.FirstSeenMs >= _maxTotalWaitMs)
                {
                    expired.Add(fileId);
                    continue;
                }

                // A worker lost or restarted since it got the command will not report it: send it again.
                if (job.InFlight is { } attempt && _context.Workers.SessionOf(attempt.WorkerId) != attempt.Session)
                {
                    Recall(job);
                    job.NextAttemptMs = now;
                }

                if (job.InFlight is null && job.NextAttemptMs <= now)
                {
                    due.Add(fileId);
                }
            }
        }

        foreach (var fileId in expired)
        {
            await GiveUpAsync(fileId, cancellationToken).ConfigureAwait(false);
        }

        foreach (var fileId in due)
        {
            Dispatch(fileId, now);
        }
    }

    public void AddCommands(LiveWorker worker, ICollection<WorkerCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(commands);
        lock (_gate)
        {
            if (_outbox.Remove(worker.Id, out var files) && files.Count > 0)
            {
                commands.Add(new WorkerCommand { Persist = new PersistCommand { Files = { files.Values } } });
            }
        }
    }

    public async Task OnReportAsync(WorkerReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var persisted in report.PersistedFiles)
        {
            PersistAttempt? attempt;
            lock (_gate)
            {
                attempt = _jobs.GetValueOrDefault(persisted.FileId)?.InFlight;
            }

            if (persisted.Error.Length > 0)
            {
                LogWorkerFailed(_logger, persisted.FileId, report.WorkerId, persisted.Error);
                RetryLater(persisted.FileId);
                continue;
            }

            await CompleteAsync(persisted, attempt?.UfsPath, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one due file to the live worker holding most of its blocks, or backs off when none can.</summary>
    private void Dispatch(long fileId, long now)
    {
        PersistFile command;
        var held = new Dictionary<long, int>();
        var complete = true;
        using (Tree.ReadLocked())
        {
            if (Tree.Store.GetById(fileId) is not InodeFile { Completed: true, PersistenceState: PersistenceState.ToBePersisted } file)
            {
                return;
            }

            var path = Tree.GetPath(file);
            var mount = Tree.Mounts.Resolve(path)!;
            command = new PersistFile
            {
                FileId = file.Id,
                MountId = mount.MountId,
                UfsPath = mount.ToUfs(path).ToString(),
                Length = file.Length,
                BlockSizeBytes = file.BlockSizeBytes,
                Owner = file.Owner,
                Group = file.Group,
                Mode = file.Mode,
            };
            for (long i = 0; i < file.BlockCount; i++)
            {
                var block = FileBlockLayout.Describe(file, i, _context.Workers);
                complete &= block.Locations.Count > 0;
                foreach (var location in block.Locations)
                {
                    held[location.WorkerId] = held.GetValueOrDefault(location.WorkerId) + 1;
                }

                command.Blocks.Add(block);
            }
        }

        var target = held.Count == 0 ? (long?)null : held.OrderByDescending(h => h.Value).ThenBy(h => h.Key).First().Key;
        var session = target is { } id ? _context.Workers.SessionOf(id) : 0;
        lock (_gate)
        {
            if (!_jobs.TryGetValue(fileId, out var job) || job.InFlight is not null)
            {
                return;
            }

            if (!complete || session == 0)
            {
                // A block cached nowhere: no worker can write the file until one is.
                Backoff(job, now);
                return;
            }

            job.InFlight = new PersistAttempt(target!.Value, session, command.UfsPath);
            if (!_outbox.TryGetValue(target.Value, out var files))
            {
                files = [];
                _outbox[target.Value] = files;
            }

            files[fileId] = command;
        }
    }

    /// <summary>Takes a worker's success: checks the UFS object and journals the file PERSISTED with its fingerprint.</summary>
    private async Task CompleteAsync(PersistedFile persisted, string? sentUfsPath, CancellationToken cancellationToken)
    {
        if (PathOfWaiting(persisted.FileId) is not { } path)
        {
            return;
        }

        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            InodeFile file;
            Mounts.MountInfo mount;
            using (Tree.ReadLocked())
            {
                // Renamed or deleted while the lock was awaited: the file is no longer what the worker wrote.
                if (Tree.Store.GetById(persisted.FileId) is not InodeFile { PersistenceState: PersistenceState.ToBePersisted } current
                    || !Tree.GetPath(current).Equals(path))
                {
                    return;
                }

                file = current;
                mount = Tree.Mounts.Resolve(path)!;
            }

            var ufsPath = mount.ToUfs(path);
            if (sentUfsPath is not null && sentUfsPath != ufsPath.ToString())
            {
                LogMoved(_logger, persisted.FileId, path);
                RetryNow(persisted.FileId);
                return;
            }

            var ufs = _context.Ufs.Get(mount);
            var status = await MetadataSync.StatusOrNullAsync(ufs, ufsPath, cancellationToken).ConfigureAwait(false);
            if (status is not UfsFileStatus written
                || written.ContentLength != file.Length
                || (persisted.ContentHash.Length > 0 && written.ContentHash.Length > 0 && persisted.ContentHash != written.ContentHash))
            {
                LogNotInUfs(_logger, persisted.FileId, ufsPath);
                RetryLater(persisted.FileId);
                return;
            }

            var entry = new JournalEntry();
            entry.Ops.Add(new JournalOp
            {
                UpdateInode = new UpdateInodeEntry
                {
                    Id = file.Id,
                    PersistenceState = PersistenceState.Persisted,
                    UfsFingerprint = Fingerprint.Of(ufs.UnderFSType, written),
                },
            });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                Forget(file.Id);
            }

            LogPersisted(_logger, path, ufsPath);
        }
    }

    /// <summary>Gives a file up after max.total.wait.time: it is journaled NOT_PERSISTED, its data in Alluxio only.</summary>
    private async Task GiveUpAsync(long fileId, CancellationToken cancellationToken)
    {
        if (PathOfWaiting(fileId) is not { } path)
        {
            return;
        }

        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            using (Tree.ReadLocked())
            {
                if (Tree.Store.GetById(fileId) is not InodeFile { PersistenceState: PersistenceState.ToBePersisted } current || !Tree.GetPath(current).Equals(path))
                {
                    return;
                }
            }

            var entry = new JournalEntry();
            entry.Ops.Add(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = fileId, PersistenceState = PersistenceState.NotPersisted } });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                Forget(fileId);
            }

            LogGaveUp(_logger, path, TimeSpan.FromMilliseconds(_maxTotalWaitMs));
        }
    }

    /// <summary>The current path of a file still waiting to be persisted, or null.</summary>
    private AlluxioUri? PathOfWaiting(long fileId)
    {
        using (Tree.ReadLocked())
        {
            return Tree.Store.GetById(fileId) is InodeFile { PersistenceState: PersistenceState.ToBePersisted } file ? Tree.GetPath(file) : null;
        }
    }

    private void RetryLater(long fileId)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(fileId, out var job))
            {
                Recall(job);
                Backoff(job, _context.NowMs);
            }
        }
    }

    private void RetryNow(long fileId)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(fileId, out var job))
            {
                Recall(job);
                job.NextAttemptMs = _context.NowMs;
            }
        }
    }

    /// <summary>Call under the gate.</summary>
    private void Backoff(PersistJob job, long now)
    {
        job.NextAttemptMs = now + job.BackoffMs;
        job.BackoffMs = Math.Min(job.BackoffMs * 2, _maxBackoffMs);
    }

    /// <summary>Drops the job's command, sent or not. Call under the gate.</summary>
    private void Recall(PersistJob job)
    {
        if (job.InFlight is { } attempt && _outbox.TryGetValue(attempt.WorkerId, out var files))
        {
            files.Remove(job.FileId);
        }

        job.InFlight = null;
    }

    /// <summary>Call under the gate.</summary>
    private void Forget(long fileId)
    {
        if (_jobs.Remove(fileId, out var job))
        {
            Recall(job);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} could not persist file {FileId}; it is retried later: {Reason}")]
    private static partial void LogWorkerFailed(ILogger logger, long fileId, long workerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileId} moved to {Path} while a worker persisted it; it is persisted again at its new path")]
    private static partial void LogMoved(ILogger logger, long fileId, AlluxioUri path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A worker reported file {FileId} persisted, but {UfsPath} does not hold it whole; it is retried later")]
    private static partial void LogNotInUfs(ILogger logger, long fileId, AlluxioUri ufsPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Persisted {Path} to {UfsPath}")]
    private static partial void LogPersisted(ILogger logger, AlluxioUri path, AlluxioUri ufsPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up persisting {Path} after {Wait}; it stays NOT_PERSISTED, its data in Alluxio only")]
    private static partial void LogGaveUp(ILogger logger, AlluxioUri path, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A persistence round failed and is tried again next interval: {Reason}")]
    private static partial void LogRoundFailed(ILogger logger, string reason);
}
