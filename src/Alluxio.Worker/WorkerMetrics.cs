using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker;

/// <summary>
/// The worker's meters, with Alluxio's metric names where Alluxio has one. The meter is named
/// <see cref="MeterName"/>, so the process's Prometheus endpoint serves them.
/// </summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "Alluxio.Worker";

    public WorkerMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        BytesReadRemote = new RunningCounter(meter, "Worker.BytesReadRemote", "bytes", "Bytes streamed to clients over gRPC, from the cache or from a UFS through it.");
        BytesReadUfs = new RunningCounter(meter, "Worker.BytesReadUfsAll", "bytes", "Bytes read from under file systems.");
        BytesWrittenRemote = new RunningCounter(meter, "Worker.BytesWrittenRemote", "bytes", "Bytes clients streamed to the worker over gRPC, into blocks or on to a UFS.");
        BytesWrittenUfs = new RunningCounter(meter, "Worker.BytesWrittenUfsAll", "bytes", "Bytes written to under file systems.");
        BlocksFilled = new RunningCounter(meter, "Worker.BlocksReadUfs", "blocks", "Blocks cached from under file systems on a miss or a load.");
        BlocksRemoved = new RunningCounter(meter, "Worker.BlocksRemoved", "blocks", "Blocks removed on request (free, delete).");
        BlocksEvicted = new RunningCounter(meter, "Worker.BlocksEvicted", "blocks", "Blocks evicted to make room.");
        Meter = meter;
    }

    private readonly ConcurrentDictionary<string, UfsCounters> _perUfs = new(StringComparer.Ordinal);

    public Meter Meter { get; }

    public RunningCounter BytesReadRemote { get; }

    public RunningCounter BytesReadUfs { get; }

    public RunningCounter BytesWrittenRemote { get; }

    public RunningCounter BytesWrittenUfs { get; }

    public RunningCounter BlocksFilled { get; }

    public RunningCounter BlocksRemoved { get; }

    public RunningCounter BlocksEvicted { get; }

    /// <summary>Every counter's total since the process started, per-UFS ones included, for the master's cluster figures.</summary>
    public IEnumerable<RunningCounter> Counters =>
        [BytesReadRemote, BytesReadUfs, BytesWrittenRemote, BytesWrittenUfs, BlocksFilled, BlocksRemoved, BlocksEvicted,
            .. _perUfs.Values.SelectMany(u => new[] { u.Read, u.Written })];

    /// <summary>The counters of the UFS at <paramref name="ufsUri"/> (a mount's URI), made on first use.</summary>
    public UfsCounters ForUfs(string ufsUri) => _perUfs.GetOrAdd(ufsUri, uri => new UfsCounters(Meter, uri, BytesReadUfs, BytesWrittenUfs));

    /// <summary>Gauges of the store: blocks cached, capacity and bytes used.</summary>
    public void Observe(TieredBlockStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Meter.CreateObservableGauge("Worker.BlocksCached", () => store.GetUsage().Sum(t => t.BlockCount), "blocks", "Blocks in the worker's store.");
        Meter.CreateObservableGauge("Worker.CapacityTotal", () => store.GetUsage().Sum(t => t.Capacity), "bytes", "The capacity of every tier.");
        Meter.CreateObservableGauge("Worker.CapacityUsed", () => store.GetUsage().Sum(t => t.UsedBytes), "bytes", "Bytes used in every tier.");
        Meter.CreateObservableGauge("Worker.CapacityFree", () => store.GetUsage().Sum(t => t.Capacity - t.UsedBytes), "bytes", "Bytes free in every tier.");
        store.BlockRemoved += (_, e) => (e.Reason == BlockRemovalReason.Evicted ? BlocksEvicted : BlocksRemoved).Add(1);
    }
}
