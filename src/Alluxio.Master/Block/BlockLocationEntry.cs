using Alluxio.Grpc;

namespace Alluxio.Master.Block;

/// <summary>One cached copy of a block: the worker, how it is reached, and the tier and medium holding it.</summary>
public sealed record BlockLocationEntry(long WorkerId, WorkerNetAddress Address, string TierAlias, string MediumType)
{
    /// <summary>The tier alias of memory, the tier that inMemoryPercentage counts.</summary>
    public const string MemoryTier = "MEM";

    public BlockLocation ToProto() => new()
    {
        WorkerId = WorkerId,
        WorkerAddress = Address,
        TierAlias = TierAlias,
        MediumType = MediumType,
    };
}
