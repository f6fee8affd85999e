using Alluxio.Fingerprints;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Ids;
using Alluxio.Master.Block;
using Alluxio.Master.Inodes;
using Alluxio.Master.Jobs;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Commands;

/// <summary>
/// Carries journaled loads through. A load lists the uncached blocks of the complete, persisted files at or below
/// its path and hands each to one worker in heartbeat replies: a worker on the preferred host when one is named,
/// else the live worker the block id hashes to, at most <see cref="MaxBlocksInFlightPerWorker"/> per worker at a
/// time. A block is done when a worker reports it cached, failed when a worker reports it could not; a block out
/// at a worker that is lost or restarts goes out again. The load ends, journaled, when every block is done or failed.
/// </summary>
public sealed partial class LoadScheduler : IWorkerReportListener, IWorkerCommandSource
{
    /// <summary>
    /// How many blocks of loads one worker has at once: enough to keep its UFS reads busy, few enough that the share
    /// of a worker that is lost goes elsewhere soon.
    /// </summary>
    public const int MaxBlocksInFlightPerWorker = 32;

    private readonly NamespaceContext _context;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, LoadProgress> _jobs = [];

    // The waiting blocks by the worker they go to, planned for one set of live workers.
    private readonly Dictionary<long, Queue<(LoadProgress Job, long BlockId)>> _queues = [];
    private long _plannedFor = -1;

    public LoadScheduler(NamespaceContext context)
    {
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<LoadScheduler>();
    }

    private InodeTree Tree => _context.Tree;

    /// <summary>Takes up the journaled loads a restarted master found unfinished.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        List<LoadJob> jobs;
        using (Tree.ReadLocked())
        {
            jobs = [.. Tree.Jobs.LoadJobs];
        }

        foreach (var job in jobs)
        {
            await StartAsync(job, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a journaled load (once; a second call returns the first's progress).</summary>
    public async Task<LoadProgress> StartAsync(LoadJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (_jobs.TryGetValue(job.JobId, out var running))
            {
                return running;
            }
        }

        var blocks = CollectBlocks(job, cancellationToken);
        LoadProgress progress;
        List<LoadProgress> finished;
        lock (_gate)
        {
            if (_jobs.TryGetValue(job.JobId, out var running))
            {
                return running;
            }

            progress = new LoadProgress(job, blocks);
            _jobs[job.JobId] = progress;
            _plannedFor = -1;
            finished = TakeFinished();
        }

        LogStarted(_logger, job.JobId, job.Path, progress.BlockCount);
        await FinishAsync(finished).ConfigureAwait(false);
        return progress;
    }

    public async Task OnReportAsync(WorkerReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<LoadProgress> finished;
        lock (_gate)
        {
            if (_jobs.Count == 0)
            {
                return;
            }

            if (report.Worker is not null)
            {
                foreach (var blockId in report.AddedBlockIds)
                {
                    foreach (var job in _jobs.Values)
                    {
                        job.Waiting.Remove(blockId);
                        job.InFlight.Remove(blockId);
                    }
                }
            }

            foreach (var (blockId, reason) in report.FailedLoads)
            {
                foreach (var job in _jobs.Values)
                {
                    if (job.InFlight.TryGetValue(blockId, out var assignment) && assignment.WorkerId == report.WorkerId)
                    {
                        job.InFlight.Remove(blockId);
                        job.FailedBlockCount++;
                        job.Failure = job.Failure.Length == 0 ? $"Block {blockId} of {assignment.Block.UfsPath}: {reason}" : job.Failure;
                    }
                }
            }

            finished = TakeFinished();
        }

        await FinishAsync(finished).ConfigureAwait(false);
    }

    public void AddCommands(LiveWorker worker, ICollection<WorkerCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(commands);
        lock (_gate)
        {
            if (_jobs.Count == 0)
            {
                return;
            }

            if (_context.Workers.LiveSetVersion != _plannedFor)
            {
                Plan();
            }

            if (!_queues.TryGetValue(worker.Id, out var queue))
            {
                return;
            }

            var budget = MaxBlocksInFlightPerWorker - _jobs.Values.Sum(j => j.InFlight.Values.Count(a => a.WorkerId == worker.Id));
            var command = new LoadCommand();
            while (budget > 0 && queue.TryDequeue(out var item))
            {
                if (!item.Job.Waiting.Remove(item.BlockId, out var block) || !_context.Workers.LocationsOf(item.BlockId).IsEmpty)
                {
                    // Done already, or cached meanwhile by a read; the next report ends the job if that was the last.
                    continue;
                }

                item.Job.InFlight[item.BlockId] = new LoadAssignment(block, worker.Id, worker.Session);
                command.Blocks.Add(block);
                budget--;
            }

            if (command.Blocks.Count > 0)
            {
                commands.Add(new WorkerCommand { Load = command });
            }
        }
    }

    /// <summary>
    /// Sends blocks out at workers that are gone or restarted back to waiting and queues every waiting block for the
    /// worker it goes to among the live ones. Call under the gate.
    /// </summary>
    private void Plan()
    {
        var version = _context.Workers.LiveSetVersion;
        var live = _context.Workers.LiveWorkers();
        var sessions = live.ToDictionary(w => w.Id, w => w.Session);
        _queues.Clear();
        foreach (var job in _jobs.Values)
        {
            foreach (var (blockId, assignment) in job.InFlight.Where(a => sessions.GetValueOrDefault(a.Value.WorkerId) != a.Value.Session).ToList())
            {
                job.InFlight.Remove(blockId);
                job.Waiting[blockId] = assignment.Block;
            }

            var host = job.Job.PreferredHost;
            IReadOnlyList<LiveWorker> candidates = host.Length == 0 ? live : [.. live.Where(w => w.Address.Host == host || w.Address.ContainerHost == host)];
            if (candidates.Count == 0)
            {
                // No worker to load into yet: the blocks wait for one to register.
                continue;
            }

            foreach (var blockId in job.Waiting.Keys)
            {
                var target = candidates[BlockPlacement.IndexFor(blockId, candidates.Count)].Id;
                if (!_queues.TryGetValue(target, out var queue))
                {
                    queue = new Queue<(LoadProgress, long)>();
                    _queues[target] = queue;
                }

                queue.Enqueue((job, blockId));
            }
        }

        _plannedFor = version;
    }

    /// <summary>The jobs with nothing left to wait for, marked as ending. Call under the gate.</summary>
    private List<LoadProgress> TakeFinished()
    {
        var finished = _jobs.Values.Where(j => j.IsDone && !j.Ending).ToList();
        foreach (var job in finished)
        {
            job.Ending = true;
        }

        return finished;
    }

    private async Task FinishAsync(List<LoadProgress> finished)
    {
        foreach (var progress in finished)
        {
            var done = new LoadJobDoneEntry
            {
                JobId = progress.Job.JobId,
                BlockCount = progress.BlockCount,
                FailedBlockCount = progress.FailedBlockCount,
                Failure = progress.Failure,
            };
            var entry = new JournalEntry();
            entry.Ops.Add(new JournalOp { LoadJobDone = done });
            try
            {
                await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                // Not journaled: the job stays and is finished again on a later round, as a free job is.
                lock (_gate)
                {
                    progress.Ending = false;
                }

                throw;
            }

            lock (_gate)
            {
                _jobs.Remove(progress.Job.JobId);
            }

            LogDone(_logger, progress.Job.JobId, progress.Job.Path, progress.BlockCount, progress.FailedBlockCount);
            progress.Done.TrySetResult(new LoadPResponse
            {
                JobId = done.JobId,
                BlockCount = done.BlockCount,
                FailedBlockCount = done.FailedBlockCount,
                Failure = done.Failure,
            });
        }
    }

    /// <summary>
    /// The uncached blocks of the complete, persisted files at or below the job's path, walking one directory per
    /// hold of the tree's read lock.
    /// </summary>
    private Dictionary<long, LoadBlock> CollectBlocks(LoadJob job, CancellationToken cancellationToken)
    {
        var blocks = new Dictionary<long, LoadBlock>();
        var pending = new Stack<(AlluxioUri Path, Inode Inode)>();
        using (Tree.ReadLocked())
        {
            var path = AlluxioUri.Parse(job.Path);
            if (Tree.Resolve(path).Target is { } start)
            {
                pending.Push((path, start));
            }
        }

        while (pending.TryPop(out var item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (Tree.ReadLocked())
            {
                if (item.Inode is InodeFile file)
                {
                    AddBlocks(blocks, file, item.Path);
                    continue;
                }

                foreach (var child in Tree.Store.GetChildren((InodeDirectory)item.Inode))
                {
                    if (child is InodeFile childFile)
                    {
                        AddBlocks(blocks, childFile, item.Path.Join(child.Name));
                    }
                    else
                    {
                        pending.Push((item.Path.Join(child.Name), child));
                    }
                }
            }
        }

        return blocks;
    }

    /// <summary>Adds the file's uncached blocks; files not complete or not persisted have nothing to load. Call under the read lock.</summary>
    private void AddBlocks(Dictionary<long, LoadBlock> blocks, InodeFile file, AlluxioUri path)
    {
        if (!file.Completed || !file.IsPersisted || file.Length == 0)
        {
            return;
        }

        var mount = Tree.Mounts.Resolve(path)!;
        var ufsPath = mount.ToUfs(path).ToString();
        var contentHash = FingerprintFields.ContentHash(file.UfsFingerprint);
        for (long i = 0; i < file.BlockCount; i++)
        {
            var blockId = InodeIds.BlockId(file.Id, i);
            if (_context.Workers.LocationsOf(blockId).IsEmpty)
            {
                blocks[blockId] = new LoadBlock
                {
                    BlockId = blockId,
                    MountId = mount.MountId,
                    UfsPath = ufsPath,
                    OffsetInFile = FileBlockLayout.OffsetOf(file, i),
                    Length = FileBlockLayout.LengthOf(file, i),
                    ContentHash = contentHash,
                };
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Load job {JobId} of {Path} started with {BlockCount} blocks to cache")]
    private static partial void LogStarted(ILogger logger, long jobId, string path, long blockCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Load job {JobId} of {Path} is done: {BlockCount} blocks, {FailedCount} failed")]
    private static partial void LogDone(ILogger logger, long jobId, string path, long blockCount, long failedCount);
}
