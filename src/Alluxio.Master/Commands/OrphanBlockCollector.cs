using Alluxio.Ids;
using Alluxio.Master.Block;
using Alluxio.Master.Inodes;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Commands;

/// <summary>
/// Has workers remove blocks no file owns: the file is gone (deleted while the master was down, or the worker was
/// away), or it is complete and shorter than the block's index. Checked whenever a worker reports blocks.
/// </summary>
public sealed partial class OrphanBlockCollector(InodeTree tree, WorkerRegistry workers, ILogger<OrphanBlockCollector> logger) : IWorkerReportListener
{
    /// <summary>How many blocks are checked per hold of the tree's read lock, so a big registration never stalls writers.</summary>
    private const int ChunkSize = 4096;

    public Task OnReportAsync(WorkerReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Worker is null || report.AddedBlockIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var orphans = new List<long>();
        foreach (var chunk in report.AddedBlockIds.Chunk(ChunkSize))
        {
            using (tree.ReadLocked())
            {
                orphans.AddRange(chunk.Where(IsOrphan));
            }
        }

        if (orphans.Count > 0)
        {
            workers.RemoveFromWorker(report.Worker.Id, orphans);
            LogOrphans(logger, report.Worker.Id, orphans.Count);
        }

        return Task.CompletedTask;
    }

    /// <summary>Call under the tree's read lock.</summary>
    private bool IsOrphan(long blockId) =>
        tree.Store.GetById(InodeIds.FileIdOfBlock(blockId)) is not InodeFile file
        || (file.Completed && InodeIds.BlockIndex(blockId) >= file.BlockCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} holds {Count} blocks no file owns; it is told to remove them")]
    private static partial void LogOrphans(ILogger logger, long workerId, int count);
}
