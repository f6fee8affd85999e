using Alluxio.Grpc;

namespace Alluxio.Master.Block;

/// <summary>What the master knows of one worker. Changed and read only under <see cref="WorkerRegistry"/>'s lock.</summary>
internal sealed class MasterWorker(long id, WorkerNetAddress address)
{
    public long Id { get; } = id;

    public WorkerNetAddress Address { get; set; } = address;

    public WorkerState State { get; set; } = WorkerState.Unregistered;

    /// <summary>Changes on every registration and when the worker is lost, so work handed to an older session is known stale.</summary>
    public long Session { get; set; }

    public long LastContactMs { get; set; }

    public long StartTimeMs { get; set; }

    public string Version { get; set; } = "";

    public List<string> Tiers { get; } = [];

    public Dictionary<string, long> CapacityBytesOnTiers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> UsedBytesOnTiers { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, TierLocation> Blocks { get; } = [];

    /// <summary>Blocks the worker is to remove; sent with every heartbeat reply until it reports them gone.</summary>
    public HashSet<long> ToRemove { get; } = [];
}
