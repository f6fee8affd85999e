using Alluxio.Grpc;
using Alluxio.Master.Block;

namespace Alluxio.Master.Tests;

/// <summary>Plays a worker against the block master in-process: it registers, commits blocks and heartbeats.</summary>
internal sealed class TestWorker(BlockMaster master, string host = "worker-a", int port = 29999)
{
    public const string Tier = "MEM";

    private static readonly BlockStoreLocationProto s_memory = new() { TierAlias = Tier, MediumType = Tier };

    /// <summary>The master to talk to; a test points it at the new one after a restart.</summary>
    public BlockMaster Master { get; set; } = master;

    public WorkerNetAddress Address { get; } = new() { Host = host, RpcPort = port, DataPort = port, WebPort = port + 1 };

    public long Id { get; private set; }

    /// <summary>The blocks this worker holds, as it would report them when registering.</summary>
    public HashSet<long> Blocks { get; } = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Gets an id when it has none, then registers with every block it holds.</summary>
    public async Task RegisterAsync()
    {
        if (Id == 0)
        {
            Id = Master.GetWorkerId(Address);
        }

        await Master.RegisterWorkerAsync(
            new RegisterWorkerPRequest
            {
                WorkerId = Id,
                WorkerNetAddress = Address,
                StorageTiers = { Tier },
                TotalBytesOnTiers = { [Tier] = 1L << 30 },
                UsedBytesOnTiers = { [Tier] = 0 },
                CurrentBlocks = { new LocationBlockIdListEntry { Key = s_memory, BlockIds = { Blocks } } },
                StartTimeMs = 1,
                Version = "test",
            },
            Token);
    }

    public Task CommitAsync(long blockId, long length)
    {
        Blocks.Add(blockId);
        return Master.CommitBlockAsync(
            new CommitBlockPRequest { WorkerId = Id, BlockId = blockId, Length = length, TierAlias = Tier, MediumType = Tier, UsedBytesOnTier = length },
            Token);
    }

    /// <summary>Heartbeats with what changed, and removes the blocks a free command names, as a worker would.</summary>
    public async Task<BlockHeartbeatPResponse> HeartbeatAsync(
        IEnumerable<long>? removed = null,
        IEnumerable<long>? added = null,
        IEnumerable<PersistedFile>? persisted = null,
        IDictionary<long, string>? failedLoads = null)
    {
        var request = new BlockHeartbeatPRequest { WorkerId = Id, UsedBytesOnTiers = { [Tier] = 0 } };
        request.RemovedBlockIds.AddRange(removed ?? []);
        Blocks.ExceptWith(request.RemovedBlockIds);
        var addedIds = added?.ToList() ?? [];
        Blocks.UnionWith(addedIds);
        if (addedIds.Count > 0)
        {
            request.AddedBlocks.Add(new LocationBlockIdListEntry { Key = s_memory, BlockIds = { addedIds } });
        }

        request.PersistedFiles.AddRange(persisted ?? []);
        request.FailedLoads.Add(failedLoads ?? new Dictionary<long, string>());
        return await Master.HeartbeatAsync(request, Token);
    }

    public static IReadOnlyList<long> FreedBlocks(BlockHeartbeatPResponse response) =>
        [.. response.Commands.Where(c => c.CommandCase == WorkerCommand.CommandOneofCase.Free).SelectMany(c => c.Free.BlockIds)];

    public static IReadOnlyList<PersistFile> PersistFiles(BlockHeartbeatPResponse response) =>
        [.. response.Commands.Where(c => c.CommandCase == WorkerCommand.CommandOneofCase.Persist).SelectMany(c => c.Persist.Files)];

    public static IReadOnlyList<LoadBlock> LoadBlocks(BlockHeartbeatPResponse response) =>
        [.. response.Commands.Where(c => c.CommandCase == WorkerCommand.CommandOneofCase.Load).SelectMany(c => c.Load.Blocks)];

    public static bool AsksToRegister(BlockHeartbeatPResponse response) =>
        response.Commands.Any(c => c.CommandCase == WorkerCommand.CommandOneofCase.Register);
}
