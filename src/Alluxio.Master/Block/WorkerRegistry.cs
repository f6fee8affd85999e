using System.Collections.Concurrent;
using System.Collections.Immutable;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Journal;

namespace Alluxio.Master.Block;

/// <summary>
/// The workers the master knows and the blocks each holds, in memory only: after a master restart the workers'
/// registrations bring the locations back. Changes take one lock; block locations are also kept as immutable
/// arrays in a concurrent map, so building a FileInfo reads them with one lookup per block and no lock. Only live
/// workers have locations: a lost worker's are dropped at once.
/// </summary>
public sealed class WorkerRegistry : IFileRemovalListener
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _idsByAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<long, MasterWorker> _workers = [];
    private readonly ConcurrentDictionary<long, ImmutableArray<BlockLocationEntry>> _locations = new();
    private readonly Dictionary<long, HashSet<long>> _blocksByFile = [];
    private readonly Dictionary<long, long> _committedLengths = [];
    private long _sessions;
    private long _liveSetVersion;

    /// <summary>Changes whenever a worker registers or is lost, so plans made for the old set of workers are redone.</summary>
    public long LiveSetVersion => Volatile.Read(ref _liveSetVersion);

    /// <summary>The id of the worker at <paramref name="address"/>: the same for the same host and port while the master runs.</summary>
    public long GetOrAssignId(WorkerNetAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = Key(address);
        lock (_gate)
        {
            if (_idsByAddress.TryGetValue(key, out var id))
            {
                return id;
            }

            do
            {
                id = Random.Shared.NextInt64(1, long.MaxValue);
            }
            while (_workers.ContainsKey(id));

            _idsByAddress[key] = id;
            _workers[id] = new MasterWorker(id, address);
            return id;
        }
    }

    /// <summary>
    /// Registers a worker with everything it holds, replacing what the master knew of it, and returns it as live. A
    /// worker id from before a master restart is taken back when its address is not known under another id.
    /// </summary>
    public LiveWorker Register(WorkerRegistration registration, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_gate)
        {
            var worker = FindOrAdopt(registration.WorkerId, registration.Address);
            DropAllBlocks(worker);
            worker.ToRemove.Clear();
            if (registration.Address is { } address && Key(address) == Key(worker.Address))
            {
                worker.Address = address;
            }

            worker.Tiers.Clear();
            worker.Tiers.AddRange(registration.Tiers);
            Replace(worker.CapacityBytesOnTiers, registration.CapacityBytesOnTiers);
            Replace(worker.UsedBytesOnTiers, registration.UsedBytesOnTiers);
            worker.StartTimeMs = registration.StartTimeMs;
            worker.Version = registration.Version;
            foreach (var block in registration.Blocks)
            {
                AddBlock(worker, block);
            }

            worker.State = WorkerState.Live;
            worker.LastContactMs = nowMs;
            worker.Session = ++_sessions;
            _liveSetVersion++;
            return new LiveWorker(worker.Id, worker.Address, worker.Session);
        }
    }

    /// <summary>
    /// Applies a heartbeat. Returns the worker, or null when it must register first (unknown, never registered since
    /// the master started, or lost).
    /// </summary>
    public LiveWorker? Heartbeat(WorkerHeartbeat heartbeat, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        lock (_gate)
        {
            if (!_workers.TryGetValue(heartbeat.WorkerId, out var worker) || worker.State != WorkerState.Live)
            {
                return null;
            }

            worker.LastContactMs = nowMs;
            if (heartbeat.UsedBytesOnTiers.Count > 0)
            {
                Replace(worker.UsedBytesOnTiers, heartbeat.UsedBytesOnTiers);
            }

            if (heartbeat.CapacityBytesOnTiers.Count > 0)
            {
                Replace(worker.CapacityBytesOnTiers, heartbeat.CapacityBytesOnTiers);
            }

            foreach (var blockId in heartbeat.RemovedBlockIds)
            {
                RemoveBlock(worker, blockId);
            }

            foreach (var block in heartbeat.AddedBlocks)
            {
                AddBlock(worker, block);
            }

            return new LiveWorker(worker.Id, worker.Address, worker.Session);
        }
    }

    /// <summary>The blocks the worker is to remove and has not reported removed yet.</summary>
    public long[] PendingRemovals(long workerId)
    {
        lock (_gate)
        {
            return _workers.TryGetValue(workerId, out var worker) ? [.. worker.ToRemove] : [];
        }
    }

    /// <summary>Records a block a worker finished writing, with its length and the tier's new usage.</summary>
    public LiveWorker Commit(long workerId, ReportedBlock block, long length, long usedBytesOnTier, long nowMs)
    {
        lock (_gate)
        {
            if (!_workers.TryGetValue(workerId, out var worker) || worker.State != WorkerState.Live)
            {
                throw new AlluxioException(ErrorType.FileDoesNotExist, $"Worker {workerId} is not registered with the master; it must register before it commits block {block.BlockId}.");
            }

            worker.LastContactMs = nowMs;
            AddBlock(worker, block);
            _committedLengths[block.BlockId] = length;
            worker.UsedBytesOnTiers[block.Location.TierAlias] = usedBytesOnTier;
            return new LiveWorker(worker.Id, worker.Address, worker.Session);
        }
    }

    /// <summary>Declares lost every live worker silent for longer than <paramref name="timeoutMs"/> and drops its blocks.</summary>
    public IReadOnlyList<(long WorkerId, WorkerNetAddress Address)> MarkLost(long nowMs, long timeoutMs)
    {
        var lost = new List<(long, WorkerNetAddress)>();
        lock (_gate)
        {
            foreach (var worker in _workers.Values)
            {
                if (worker.State != WorkerState.Live || nowMs - worker.LastContactMs <= timeoutMs)
                {
                    continue;
                }

                DropAllBlocks(worker);
                worker.ToRemove.Clear();
                worker.State = WorkerState.Lost;
                worker.Session = ++_sessions;
                _liveSetVersion++;
                lost.Add((worker.Id, worker.Address));
            }
        }

        return lost;
    }

    /// <summary>Tells a worker to remove those of <paramref name="blockIds"/> it holds, on its next heartbeats.</summary>
    public void RemoveFromWorker(long workerId, IEnumerable<long> blockIds)
    {
        ArgumentNullException.ThrowIfNull(blockIds);
        lock (_gate)
        {
            if (!_workers.TryGetValue(workerId, out var worker))
            {
                return;
            }

            foreach (var blockId in blockIds)
            {
                if (worker.Blocks.ContainsKey(blockId))
                {
                    worker.ToRemove.Add(blockId);
                }
            }
        }
    }

    /// <summary>Tells every worker holding blocks of these files to remove them.</summary>
    public void RemoveBlocksOfFiles(IEnumerable<long> fileIds)
    {
        ArgumentNullException.ThrowIfNull(fileIds);
        lock (_gate)
        {
            foreach (var fileId in fileIds)
            {
                if (!_blocksByFile.TryGetValue(fileId, out var blocks))
                {
                    continue;
                }

                foreach (var blockId in blocks)
                {
                    foreach (var location in _locations.GetValueOrDefault(blockId, []))
                    {
                        _workers[location.WorkerId].ToRemove.Add(blockId);
                    }
                }
            }
        }
    }

    public void OnFileRemoved(long fileId) => RemoveBlocksOfFiles([fileId]);

    /// <summary>Whether a live worker holds any block of the file.</summary>
    public bool HoldsBlocksOf(long fileId)
    {
        lock (_gate)
        {
            return _blocksByFile.ContainsKey(fileId);
        }
    }

    /// <summary>Whether a live worker holds any block of these files.</summary>
    public bool HoldsAnyBlockOf(IEnumerable<long> fileIds)
    {
        ArgumentNullException.ThrowIfNull(fileIds);
        lock (_gate)
        {
            return fileIds.Any(_blocksByFile.ContainsKey);
        }
    }

    /// <summary>How many distinct blocks live workers hold, and how many copies of them in all.</summary>
    public (long Unique, long Replicas) CountBlocks()
    {
        long unique = 0, replicas = 0;
        foreach (var locations in _locations.Values)
        {
            if (!locations.IsEmpty)
            {
                unique++;
                replicas += locations.Length;
            }
        }

        return (unique, replicas);
    }

    /// <summary>Where <paramref name="blockId"/> is cached; empty when nowhere. Takes no lock.</summary>
    public ImmutableArray<BlockLocationEntry> LocationsOf(long blockId) =>
        _locations.TryGetValue(blockId, out var locations) ? locations : [];

    /// <summary>The length a worker committed for the block, or null when none did.</summary>
    public long? CommittedLength(long blockId)
    {
        lock (_gate)
        {
            return _committedLengths.TryGetValue(blockId, out var length) ? length : null;
        }
    }

    /// <summary>The worker's current registration, or 0 when it is not live.</summary>
    public long SessionOf(long workerId)
    {
        lock (_gate)
        {
            return _workers.TryGetValue(workerId, out var worker) && worker.State == WorkerState.Live ? worker.Session : 0;
        }
    }

    /// <summary>The live workers in id order.</summary>
    public IReadOnlyList<LiveWorker> LiveWorkers()
    {
        lock (_gate)
        {
            return [.. _workers.Values.Where(w => w.State == WorkerState.Live).OrderBy(w => w.Id).Select(w => new LiveWorker(w.Id, w.Address, w.Session))];
        }
    }

    /// <summary>The workers in <paramref name="state"/> as callers see them, in id order.</summary>
    public IReadOnlyList<WorkerInfo> Describe(WorkerState state, long nowMs)
    {
        lock (_gate)
        {
            return [.. _workers.Values.Where(w => w.State == state).OrderBy(w => w.Id).Select(w => Describe(w, nowMs))];
        }
    }

    /// <summary>Capacity and usage of the live workers, and how many are live and lost.</summary>
    public BlockMasterInfo Summarize()
    {
        var info = new BlockMasterInfo();
        lock (_gate)
        {
            foreach (var worker in _workers.Values)
            {
                if (worker.State == WorkerState.Lost)
                {
                    info.LostWorkerNum++;
                }

                if (worker.State != WorkerState.Live)
                {
                    continue;
                }

                info.LiveWorkerNum++;
                foreach (var (tier, bytes) in worker.CapacityBytesOnTiers)
                {
                    info.CapacityBytes += bytes;
                    info.CapacityBytesOnTiers[tier] = info.CapacityBytesOnTiers.GetValueOrDefault(tier) + bytes;
                }

                foreach (var (tier, bytes) in worker.UsedBytesOnTiers)
                {
                    info.UsedBytes += bytes;
                    info.UsedBytesOnTiers[tier] = info.UsedBytesOnTiers.GetValueOrDefault(tier) + bytes;
                }
            }
        }

        info.FreeBytes = info.CapacityBytes - info.UsedBytes;
        return info;
    }

    private static WorkerInfo Describe(MasterWorker worker, long nowMs)
    {
        var info = new WorkerInfo
        {
            Id = worker.Id,
            Address = worker.Address,
            LastContactSec = (int)Math.Clamp((nowMs - worker.LastContactMs) / 1000, 0, int.MaxValue),
            State = worker.State == WorkerState.Lost ? "LOST" : "LIVE",
            CapacityBytes = worker.CapacityBytesOnTiers.Values.Sum(),
            UsedBytes = worker.UsedBytesOnTiers.Values.Sum(),
            StartTimeMs = worker.StartTimeMs,
            BlockCount = worker.Blocks.Count,
            Version = worker.Version,
        };
        info.CapacityBytesOnTiers.Add(worker.CapacityBytesOnTiers);
        info.UsedBytesOnTiers.Add(worker.UsedBytesOnTiers);
        return info;
    }

    private MasterWorker FindOrAdopt(long workerId, WorkerNetAddress? address)
    {
        if (_workers.TryGetValue(workerId, out var known))
        {
            return known;
        }

        if (workerId <= 0 || address is null)
        {
            throw new AlluxioException(ErrorType.FileDoesNotExist, $"Worker {workerId} is not known to the master; the worker must ask for a worker id again.");
        }

        var key = Key(address);
        if (_idsByAddress.TryGetValue(key, out var other))
        {
            throw new AlluxioException(ErrorType.FileDoesNotExist, $"Worker {workerId} is not known to the master, which knows {key} as worker {other}; the worker must ask for a worker id again.");
        }

        var adopted = new MasterWorker(workerId, address);
        _idsByAddress[key] = workerId;
        _workers[workerId] = adopted;
        return adopted;
    }

    private void AddBlock(MasterWorker worker, ReportedBlock block)
    {
        if (worker.Blocks.TryGetValue(block.BlockId, out var current))
        {
            if (current == block.Location)
            {
                return;
            }

            RemoveLocation(worker.Id, block.BlockId);
        }

        worker.Blocks[block.BlockId] = block.Location;
        var entry = new BlockLocationEntry(worker.Id, worker.Address, block.Location.TierAlias, block.Location.MediumType);
        _locations[block.BlockId] = _locations.TryGetValue(block.BlockId, out var locations) ? locations.Add(entry) : [entry];
        var fileId = InodeIds.FileIdOfBlock(block.BlockId);
        if (!_blocksByFile.TryGetValue(fileId, out var blocks))
        {
            blocks = [];
            _blocksByFile[fileId] = blocks;
        }

        blocks.Add(block.BlockId);
    }

    private void RemoveBlock(MasterWorker worker, long blockId)
    {
        worker.ToRemove.Remove(blockId);
        if (worker.Blocks.Remove(blockId))
        {
            RemoveLocation(worker.Id, blockId);
        }
    }

    private void DropAllBlocks(MasterWorker worker)
    {
        foreach (var blockId in worker.Blocks.Keys)
        {
            RemoveLocation(worker.Id, blockId);
        }

        worker.Blocks.Clear();
    }

    private void RemoveLocation(long workerId, long blockId)
    {
        if (!_locations.TryGetValue(blockId, out var locations))
        {
            return;
        }

        var left = locations.RemoveAll(l => l.WorkerId == workerId);
        if (left.Length > 0)
        {
            _locations[blockId] = left;
            return;
        }

        _locations.TryRemove(blockId, out _);
        _committedLengths.Remove(blockId);
        var fileId = InodeIds.FileIdOfBlock(blockId);
        if (_blocksByFile.TryGetValue(fileId, out var blocks) && blocks.Remove(blockId) && blocks.Count == 0)
        {
            _blocksByFile.Remove(fileId);
        }
    }

    private static void Replace(Dictionary<string, long> target, IReadOnlyDictionary<string, long> source)
    {
        target.Clear();
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    private static string Key(WorkerNetAddress address) => $"{address.Host}:{address.RpcPort}";
}
