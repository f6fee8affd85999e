using Alluxio.Grpc;

namespace Alluxio.Master.Block;

/// <summary>What a registering worker tells the master: where it is, its tiers and every block it holds.</summary>
public sealed record WorkerRegistration(
    long WorkerId,
    WorkerNetAddress? Address,
    IReadOnlyList<string> Tiers,
    IReadOnlyDictionary<string, long> CapacityBytesOnTiers,
    IReadOnlyDictionary<string, long> UsedBytesOnTiers,
    IReadOnlyList<ReportedBlock> Blocks,
    long StartTimeMs,
    string Version);
