using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Inodes;
using Alluxio.Master.Metrics;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Block;

/// <summary>
/// The block master: workers get their ids here, register, heartbeat and commit blocks, and take their work from
/// heartbeat replies; clients ask it for block locations, capacity and workers. It keeps workers and locations in
/// memory (<see cref="WorkerRegistry"/>); what a worker reports goes to each concern that acts on it, and each
/// concern that has work for the worker adds its commands to the reply.
/// </summary>
public sealed partial class BlockMaster
{
    private readonly WorkerRegistry _workers;
    private readonly InodeTree _tree;
    private readonly TimeProvider _time;
    private readonly TimeSpan _workerTimeout;
    private readonly IReadOnlyList<IWorkerReportListener> _listeners;
    private readonly IReadOnlyList<IWorkerCommandSource> _sources;
    private readonly ILogger _logger;

    public BlockMaster(
        WorkerRegistry workers,
        InodeTree tree,
        TimeProvider time,
        TimeSpan workerTimeout,
        IReadOnlyList<IWorkerReportListener> listeners,
        IReadOnlyList<IWorkerCommandSource> sources,
        ILogger<BlockMaster> logger)
    {
        _workers = workers;
        _tree = tree;
        _time = time;
        _workerTimeout = workerTimeout;
        _listeners = listeners;
        _sources = sources;
        _logger = logger;
    }

    public WorkerRegistry Workers => _workers;

    /// <summary>The Cluster.* counters the workers' heartbeats add to.</summary>
    public ClusterMetrics Metrics { get; } = new();

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public long GetWorkerId(WorkerNetAddress address)
    {
        if (address is null || address.Host.Length == 0)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, "A worker id needs the worker's address with its host name.");
        }

        return _workers.GetOrAssignId(address);
    }

    public async Task RegisterWorkerAsync(RegisterWorkerPRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var blocks = Flatten(request.CurrentBlocks);
        var worker = _workers.Register(
            new WorkerRegistration(
                request.WorkerId,
                request.WorkerNetAddress,
                request.StorageTiers,
                request.TotalBytesOnTiers,
                request.UsedBytesOnTiers,
                blocks,
                request.StartTimeMs,
                request.Version),
            NowMs);
        LogRegistered(_logger, worker.Id, worker.Address.Host, worker.Address.RpcPort, blocks.Count);
        var report = new WorkerReport(worker, worker.Id, IsRegistration: true, [.. blocks.Select(b => b.BlockId)], [], WorkerReport.NoFailures);
        await NotifyAsync(report, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BlockHeartbeatPResponse> HeartbeatAsync(BlockHeartbeatPRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var added = Flatten(request.AddedBlocks);
        var applied = _workers.Heartbeat(
            new WorkerHeartbeat(request.WorkerId, request.UsedBytesOnTiers, request.CapacityBytesOnTiers, request.RemovedBlockIds, added),
            NowMs);

        // Outcomes of earlier commands count even from a worker that must register again: they are facts about the UFS.
        var report = new WorkerReport(
            applied, request.WorkerId, IsRegistration: false, [.. added.Select(b => b.BlockId)], request.PersistedFiles, request.FailedLoads);
        await NotifyAsync(report, cancellationToken).ConfigureAwait(false);

        if (applied is not null)
        {
            Metrics.Report(applied.Id, request.Metrics);
        }

        var response = new BlockHeartbeatPResponse();
        if (applied is null)
        {
            response.Commands.Add(new WorkerCommand { Register = new RegisterCommand() });
            return response;
        }

        // Taken after the listeners, which may have found blocks to remove (orphans, frees) in this very report.
        var toRemove = _workers.PendingRemovals(applied.Id);
        if (toRemove.Length > 0)
        {
            response.Commands.Add(new WorkerCommand { Free = new FreeCommand { BlockIds = { toRemove } } });
        }

        foreach (var source in _sources)
        {
            source.AddCommands(applied, response.Commands);
        }

        return response;
    }

    public async Task CommitBlockAsync(CommitBlockPRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var block = new ReportedBlock(request.BlockId, new TierLocation(request.TierAlias, request.MediumType));
        var worker = _workers.Commit(request.WorkerId, block, request.Length, request.UsedBytesOnTier, NowMs);
        await NotifyAsync(new WorkerReport(worker, worker.Id, IsRegistration: false, [request.BlockId], [], WorkerReport.NoFailures), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A block's length and locations.</summary>
    public BlockInfo GetBlockInfo(long blockId)
    {
        var locations = _workers.LocationsOf(blockId);
        var length = _workers.CommittedLength(blockId);
        if (length is null)
        {
            using (_tree.ReadLocked())
            {
                var index = InodeIds.BlockIndex(blockId);
                if (_tree.Store.GetById(InodeIds.FileIdOfBlock(blockId)) is InodeFile file && index < file.BlockCount)
                {
                    length = FileBlockLayout.LengthOf(file, index);
                }
            }
        }

        if (length is null && locations.IsEmpty)
        {
            throw new AlluxioException(ErrorType.FileDoesNotExist, $"Block {blockId} does not exist: no file has it and no worker holds it.");
        }

        var info = new BlockInfo { BlockId = blockId, Length = length ?? 0 };
        info.Locations.AddRange(locations.Select(l => l.ToProto()));
        return info;
    }

    public BlockMasterInfo GetBlockMasterInfo() => _workers.Summarize();

    public IReadOnlyList<WorkerInfo> GetWorkerInfoList() => _workers.Describe(WorkerState.Live, NowMs);

    public IReadOnlyList<WorkerInfo> GetLostWorkerList() => _workers.Describe(WorkerState.Lost, NowMs);

    /// <summary>Declares lost the workers silent for longer than alluxio.master.worker.timeout; returns their ids.</summary>
    public IReadOnlyList<long> DetectLostWorkers()
    {
        var lost = _workers.MarkLost(NowMs, (long)_workerTimeout.TotalMilliseconds);
        foreach (var (id, address) in lost)
        {
            LogLost(_logger, id, address.Host, address.RpcPort, _workerTimeout);
        }

        return [.. lost.Select(l => l.WorkerId)];
    }

    /// <summary>Looks for lost workers every <paramref name="interval"/> on the master's clock until cancelled.</summary>
    public async Task RunLostWorkerDetectionAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                DetectLostWorkers();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(WorkerReport report, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            await listener.OnReportAsync(report, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<ReportedBlock> Flatten(IEnumerable<LocationBlockIdListEntry> entries)
    {
        var blocks = new List<ReportedBlock>();
        foreach (var entry in entries)
        {
            var location = new TierLocation(entry.Key?.TierAlias ?? "", entry.Key?.MediumType ?? "");
            blocks.AddRange(entry.BlockIds.Select(id => new ReportedBlock(id, location)));
        }

        return blocks;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} at {Host}:{Port} registered with {BlockCount} blocks")]
    private static partial void LogRegistered(ILogger logger, long workerId, string host, int port, int blockCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} at {Host}:{Port} sent no heartbeat for {Timeout}; it is lost and its blocks no longer count")]
    private static partial void LogLost(ILogger logger, long workerId, string host, int port, TimeSpan timeout);
}
