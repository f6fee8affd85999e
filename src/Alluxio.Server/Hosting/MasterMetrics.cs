using System.Diagnostics.Metrics;
using Alluxio.Master;
using Alluxio.Master.Metrics;

namespace Alluxio.Server.Hosting;

/// <summary>The master's own figures and the cluster's, with Alluxio's names.</summary>
internal static class MasterMetrics
{
    /// <summary>The Cluster.* counters and the per-minute throughputs Alluxio derives from them.</summary>
    private static readonly (string Counter, string Throughput)[] s_clusterCounters =
    [
        ("BytesReadRemote", "BytesReadRemoteThroughput"),
        ("BytesReadDomain", "BytesReadDomainThroughput"),
        ("BytesReadLocal", "BytesReadLocalThroughput"),
        ("BytesReadUfsAll", "BytesReadUfsThroughput"),
        ("BytesWrittenRemote", "BytesWrittenRemoteThroughput"),
        ("BytesWrittenDomain", "BytesWrittenDomainThroughput"),
        ("BytesWrittenLocal", "BytesWrittenLocalThroughput"),
        ("BytesWrittenUfsAll", "BytesWrittenUfsThroughput"),
    ];

    public static void Register(Meter meter, FileSystemMaster master, TimeProvider time)
    {
        var started = time.GetUtcNow();
        var cluster = master.Blocks.Metrics;
        meter.CreateObservableGauge("Master.TotalPaths", () => master.InodeCount, description: "The number of files and directories in the namespace.");
        meter.CreateObservableGauge("Master.JournalLastAppliedIndex", () => master.Context.Journal.LastAppliedIndex, description: "The index of the last journal entry applied.");
        meter.CreateObservableGauge("Master.UniqueBlocks", () => master.Blocks.Workers.CountBlocks().Unique, description: "Distinct blocks cached in the cluster.");
        meter.CreateObservableGauge("Master.BlockReplicaCount", () => master.Blocks.Workers.CountBlocks().Replicas, description: "Cached copies of blocks in the cluster.");

        foreach (var (counter, throughput) in s_clusterCounters)
        {
            meter.CreateObservableCounter($"Cluster.{counter}", () => cluster.Get(counter), "bytes", $"{counter} summed over every worker since the master started.");
            meter.CreateObservableGauge(
                $"Cluster.{throughput}",
                () => cluster.Get(counter) / Math.Max(1, (time.GetUtcNow() - started).TotalMinutes),
                "bytes/min",
                $"Cluster.{counter} per minute since the master started.");
        }

        // Per-UFS counters appear as workers first report them.
        cluster.CounterAdded += name =>
            meter.CreateObservableCounter($"Cluster.{name}", () => cluster.Get(name), "bytes", $"{name} summed over every worker since the master started.");
        meter.CreateObservableGauge("Cluster.CacheHitRate", () => CacheHitRate(cluster), description: "Bytes read from cache over bytes read, in percent.");
        meter.CreateObservableGauge("Cluster.CapacityTotal", () => master.Blocks.GetBlockMasterInfo().CapacityBytes, "bytes", "The capacity of every tier of every live worker.");
        meter.CreateObservableGauge("Cluster.CapacityUsed", () => master.Blocks.GetBlockMasterInfo().UsedBytes, "bytes", "Bytes used on every tier of every live worker.");
        meter.CreateObservableGauge(
            "Cluster.CapacityFree", () => master.Blocks.GetBlockMasterInfo() is var i ? i.CapacityBytes - i.UsedBytes : 0, "bytes", "Bytes free on every tier of every live worker.");
        meter.CreateObservableGauge("Cluster.Workers", () => master.Blocks.GetBlockMasterInfo().LiveWorkerNum, description: "Live workers.");
        meter.CreateObservableGauge("Cluster.LostWorkers", () => master.Blocks.GetBlockMasterInfo().LostWorkerNum, description: "Workers lost since they last registered.");
    }

    /// <summary>
    /// As Alluxio: of the bytes clients read (short-circuit, domain socket, streamed by workers), the share that did not
    /// come from a UFS; 0 before any read.
    /// </summary>
    public static double CacheHitRate(ClusterMetrics cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var total = cluster.Get("BytesReadLocal") + cluster.Get("BytesReadDomain") + cluster.Get("BytesReadRemote");
        return total <= 0 ? 0 : Math.Clamp(100 * (total - cluster.Get("BytesReadUfsAll")) / total, 0, 100);
    }
}
