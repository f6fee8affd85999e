namespace Alluxio.Master.Block;

/// <summary>The block changes and usage a heartbeat reports.</summary>
public sealed record WorkerHeartbeat(
    long WorkerId,
    IReadOnlyDictionary<string, long> UsedBytesOnTiers,
    IReadOnlyDictionary<string, long> CapacityBytesOnTiers,
    IReadOnlyList<long> RemovedBlockIds,
    IReadOnlyList<ReportedBlock> AddedBlocks);
