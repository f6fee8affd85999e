using Alluxio.Grpc.Journal;
using Alluxio.Ids;
using Alluxio.Master.Block;
using Alluxio.Master.Jobs;
using Alluxio.Master.Operations;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Commands;

/// <summary>
/// Carries journaled frees through: a worker reporting blocks of a file being freed (after a master restart, or
/// back from being lost) is told to remove them, and a free ends, journaled, once no live worker holds any of its
/// blocks. The free itself (<see cref="AttributeOperations.FreeAsync"/>) tells the holders it knows of at once.
/// A free taken over from before a restart ends only once this master saw a holder of its blocks, or after
/// alluxio.master.worker.timeout, by when every worker still alive has registered again: ending it before its
/// holders are back would leave their blocks cached.
/// </summary>
public sealed partial class FreeJobTracker : IWorkerReportListener
{
    private const int ChunkSize = 4096;

    private readonly NamespaceContext _context;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _ending = [];

    // Jobs of which this master has seen a live worker hold a block.
    private readonly HashSet<long> _seenHeld = [];
    private readonly long _graceEndMs;

    public FreeJobTracker(NamespaceContext context, TimeSpan workerTimeout)
    {
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<FreeJobTracker>();
        _graceEndMs = context.NowMs + (long)workerTimeout.TotalMilliseconds;
    }

    /// <summary>
    /// Marks a free this master starts itself: it knew the holders, so the job ends as soon as none holds a block,
    /// without the grace a job taken over from before a restart waits for. Call before the job is journaled.
    /// </summary>
    public void OnStarting(long jobId)
    {
        lock (_gate)
        {
            _seenHeld.Add(jobId);
        }
    }

    public async Task OnReportAsync(WorkerReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tree = _context.Tree;
        List<FreeJob> jobs;
        using (tree.ReadLocked())
        {
            jobs = [.. tree.Jobs.FreeJobs];
        }

        if (jobs.Count == 0)
        {
            return;
        }

        if (report.Worker is { } worker)
        {
            var toFree = new List<long>();
            foreach (var chunk in report.AddedBlockIds.Chunk(ChunkSize))
            {
                using (tree.ReadLocked())
                {
                    toFree.AddRange(chunk.Where(b => tree.Jobs.IsBeingFreed(InodeIds.FileIdOfBlock(b))));
                }
            }

            _context.Workers.RemoveFromWorker(worker.Id, toFree);
        }

        foreach (var job in jobs)
        {
            var held = _context.Workers.HoldsAnyBlockOf(job.FileIds);
            if (TryStartEnding(job.JobId, held))
            {
                await EndAsync(job).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether the job is to end now, given whether a live worker holds any of its blocks.</summary>
    private bool TryStartEnding(long jobId, bool held)
    {
        lock (_gate)
        {
            if (held)
            {
                _seenHeld.Add(jobId);
                return false;
            }

            return (_seenHeld.Contains(jobId) || _context.NowMs >= _graceEndMs) && _ending.Add(jobId);
        }
    }

    private async Task EndAsync(FreeJob job)
    {
        try
        {
            var entry = new JournalEntry();
            entry.Ops.Add(new JournalOp { FreeJobDone = new FreeJobDoneEntry { JobId = job.JobId } });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            LogFreed(_logger, job.JobId, job.FileIds.Count);
        }
        finally
        {
            lock (_gate)
            {
                _ending.Remove(job.JobId);
                _seenHeld.Remove(job.JobId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Free job {JobId} is done: no worker holds a block of its {FileCount} files")]
    private static partial void LogFreed(ILogger logger, long jobId, int fileCount);
}
