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
        BytesReadCache = meter.CreateCounter<long>("Worker.BytesReadRemote", "bytes", "Bytes of cached blocks streamed to clients.");
        BytesReadUfs = meter.CreateCounter<long>("Worker.BytesReadUfsAll", "bytes", "Bytes read from under file systems.");
        BytesWrittenCache = meter.CreateCounter<long>("Worker.BytesWrittenRemote", "bytes", "Bytes of blocks written by clients.");
        BytesWrittenUfs = meter.CreateCounter<long>("Worker.BytesWrittenUfsAll", "bytes", "Bytes written to under file systems.");
        BlocksFilled = meter.CreateCounter<long>("Worker.BlocksReadUfs", "blocks", "Blocks cached from under file systems on a miss or a load.");
        BlocksRemoved = meter.CreateCounter<long>("Worker.BlocksRemoved", "blocks", "Blocks removed on request (free, delete).");
        BlocksEvicted = meter.CreateCounter<long>("Worker.BlocksEvicted", "blocks", "Blocks evicted to make room.");
        Meter = meter;
    }

    public Meter Meter { get; }

    public Counter<long> BytesReadCache { get; }

    public Counter<long> BytesReadUfs { get; }

    public Counter<long> BytesWrittenCache { get; }

    public Counter<long> BytesWrittenUfs { get; }

    public Counter<long> BlocksFilled { get; }

    public Counter<long> BlocksRemoved { get; }

    public Counter<long> BlocksEvicted { get; }

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
