using System.Reflection;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Worker.Blocks;
using Alluxio.Worker.BlockStore;
using Microsoft.Extensions.Logging;
using BlockInfo = Alluxio.Worker.BlockStore.BlockInfo;

namespace Alluxio.Worker.Master;

/// <summary>
/// The worker's side of the block master: it gets an id and registers with every committed block, then heartbeats
/// every alluxio.worker.block.heartbeat.interval with the blocks added and removed since the last one, the store's
/// usage and the outcomes of earlier commands, and runs the commands of the answer. A master that is down or
/// restarting is retried with backoff and logged once per outage; nothing it fails to hear is lost, as a failed
/// heartbeat's changes go into the next one and a registration carries the whole store.
/// </summary>
internal sealed class MasterLink
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(10);
    private static readonly string s_version =
        typeof(MasterLink).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    private readonly BlockMasterClient _master;
    private readonly TieredBlockStore _store;
    private readonly StoreLocations _locations;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BlockChangeLog _changes = new();
    private readonly WorkerMetrics _metrics;
    private readonly MasterOutage _outage;
    private long _workerId = -1;
    private int _failedAttempts;

    public MasterLink(
        BlockMasterClient master, TieredBlockStore store, StoreLocations locations, WorkerMetrics metrics, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _master = master;
        _metrics = metrics;
        _store = store;
        _locations = locations;
        _interval = interval;
        _time = time;
        _logger = logger;
        _outage = new MasterOutage(logger, master.Target);
        store.BlockRemoved += (_, e) => _changes.Removed(e.BlockId);
    }

    /// <summary>The id the master gave this worker, or null before the first registration.</summary>
    public long? WorkerId => Interlocked.Read(ref _workerId) is var id and >= 0 ? id : null;

    /// <summary>How many registrations or heartbeats have failed since the worker started.</summary>
    internal int FailedAttempts => Volatile.Read(ref _failedAttempts);

    /// <summary>Registers and heartbeats until <paramref name="cancellationToken"/> is cancelled; never throws otherwise.</summary>
    public async Task RunAsync(WorkerNetAddress address, DateTimeOffset startTime, CommandExecutor commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var registered = false;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!registered)
                {
                    await RegisterAsync(address, startTime, cancellationToken).ConfigureAwait(false);
                    registered = true;
                }

                foreach (var command in await HeartbeatAsync(commands, cancellationToken).ConfigureAwait(false))
                {
                    if (command.CommandCase == WorkerCommand.CommandOneofCase.Register)
                    {
                        registered = false;
                    }
                    else
                    {
                        commands.Execute(command, WorkerId);
                    }
                }

                _outage.Recovered();
                failures = 0;
            }
            catch (AlluxioException e)
            {
                _outage.Failed(e);
                failures++;
                Interlocked.Increment(ref _failedAttempts);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(Backoff(failures), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Tells the master about a committed block at once, so a client completing its file finds it; when the master
    /// cannot be told now, the next heartbeat or registration does. Never throws for the master's sake.
    /// </summary>
    public async Task ReportCommittedAsync(BlockInfo block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        var location = _locations.Of(block);
        if (WorkerId is not { } workerId || _outage.IsDown)
        {
            _changes.Added(block.BlockId, location);
            return;
        }

        var tier = _store.GetUsage().First(t => t.Alias == block.TierAlias);
        try
        {
            await _master.CommitBlockAsync(
                new CommitBlockPRequest
                {
                    WorkerId = workerId,
                    UsedBytesOnTier = tier.UsedBytes,
                    TierAlias = location.TierAlias,
                    MediumType = location.MediumType,
                    BlockId = block.BlockId,
                    Length = block.Length,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e)
        {
            _outage.Failed(e);
            _changes.Added(block.BlockId, location);
        }
        catch (OperationCanceledException)
        {
            // The writer went away after the store committed: the block is the worker's all the same.
            _changes.Added(block.BlockId, location);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        if (failures == 0)
        {
            return _interval;
        }

        var max = _interval > s_maxBackoff ? _interval : s_maxBackoff;
        var delay = _interval * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay < max ? delay : max;
    }

    private async Task RegisterAsync(WorkerNetAddress address, DateTimeOffset startTime, CancellationToken cancellationToken)
    {
        // Taken before the report: a change made after it is in the report, the next heartbeat, or both (harmless).
        _changes.Drain();
        var workerId = await _master.GetWorkerIdAsync(address, cancellationToken).ConfigureAwait(false);
        var report = _store.GetReport();
        var request = new RegisterWorkerPRequest
        {
            WorkerId = workerId,
            WorkerNetAddress = address,
            StartTimeMs = startTime.ToUnixTimeMilliseconds(),
            Version = s_version,
        };
        request.StorageTiers.AddRange(report.Select(t => t.Alias));
        foreach (var tier in report)
        {
            request.TotalBytesOnTiers[tier.Alias] = tier.Capacity;
            request.UsedBytesOnTiers[tier.Alias] = tier.UsedBytes;
        }

        var blocks = report.SelectMany(t => t.Dirs).SelectMany(d => d.Blocks).ToList();
        request.CurrentBlocks.AddRange(Group(blocks.Select(b => (b.BlockId, _locations.Of(b)))));
        await _master.RegisterAsync(request, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _workerId, workerId);
        WorkerLog.Registered(_logger, _master.Target, workerId, blocks.Count);
    }

    private async Task<IReadOnlyList<WorkerCommand>> HeartbeatAsync(CommandExecutor commands, CancellationToken cancellationToken)
    {
        var changes = _changes.Drain();
        var (persisted, failedLoads) = commands.TakeResults();
        var request = new BlockHeartbeatPRequest { WorkerId = Interlocked.Read(ref _workerId) };
        foreach (var tier in _store.GetUsage())
        {
            request.UsedBytesOnTiers[tier.Alias] = tier.UsedBytes;
            request.CapacityBytesOnTiers[tier.Alias] = tier.Capacity;
        }

        request.RemovedBlockIds.AddRange(changes.Where(c => c.Value is null).Select(c => c.Key));
        request.AddedBlocks.AddRange(Group(changes.Where(c => c.Value is not null).Select(c => (c.Key, c.Value!))));
        request.PersistedFiles.AddRange(persisted);
        request.FailedLoads.Add(failedLoads);
        request.Metrics.AddRange(_metrics.Counters.Select(c => new WorkerMetric { Name = c.ShortName, Value = c.Total }));
        try
        {
            return (await _master.HeartbeatAsync(request, cancellationToken).ConfigureAwait(false)).Commands;
        }
        catch
        {
            _changes.Restore(changes);
            commands.ReturnResults(persisted, failedLoads);
            throw;
        }
    }

    private static IEnumerable<LocationBlockIdListEntry> Group(IEnumerable<(long BlockId, BlockStoreLocationProto Location)> blocks) =>
        blocks
            .GroupBy(b => b.Location)
            .Select(g =>
            {
                var entry = new LocationBlockIdListEntry { Key = g.Key };
                entry.BlockIds.AddRange(g.Select(b => b.BlockId).Order());
                return entry;
            });
}
