using Alluxio.Configuration;
using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Grpc.Core;

namespace Alluxio.Master.Tests;

/// <summary>The block master's gRPC services, reached through the generated clients as workers and clients reach them.</summary>
public sealed class BlockServicesTests
{
    private const string Secret = "s3cret-value-for-workers-only";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkersGetAMountsCredentialsWhichClientsSeeMasked()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var mounted = Directory.CreateDirectory(Path.Combine(fixture.Folder.Path, "mounted")).FullName;
        await fixture.Master.MountAsync(
            AlluxioUri.Parse("/m"), mounted, new MountPOptions { Properties = { ["fs.kodo.secretkey"] = Secret, ["some.option"] = "kept" } }, CallContext.Default, Token);
        await using var host = await GrpcTestHost.StartAsync(fixture.Master, fixture.Logs);
        var client = new FileSystemMasterClientService.FileSystemMasterClientServiceClient(host.Channel);
        var workers = new BlockMasterWorkerService.BlockMasterWorkerServiceClient(host.Channel);

        var table = await client.GetMountTableAsync(new GetMountTablePRequest(), cancellationToken: Token);
        var shown = table.MountPoints["/m"];
        Assert.Equal(CredentialMasker.Mask, shown.Properties["fs.kodo.secretkey"]);

        var ufs = await workers.GetUfsInfoAsync(new GetUfsInfoPRequest { MountId = shown.MountId }, cancellationToken: Token);
        Assert.Equal(mounted, ufs.UfsUri);
        Assert.Equal(Secret, ufs.Properties["fs.kodo.secretkey"]);
        Assert.Equal("kept", ufs.Properties["some.option"]);

        var unknown = await Assert.ThrowsAsync<RpcException>(
            () => workers.GetUfsInfoAsync(new GetUfsInfoPRequest { MountId = 987654 }, cancellationToken: Token).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(fixture.Logs.Records, r => r.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkerRegistersCommitsAndHeartbeatsOverGrpc()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/f", 1500);
        var file = await fixture.StatAsync("/f");
        await using var host = await GrpcTestHost.StartAsync(fixture.Master, fixture.Logs);
        var workers = new BlockMasterWorkerService.BlockMasterWorkerServiceClient(host.Channel);
        var blocks = new BlockMasterClientService.BlockMasterClientServiceClient(host.Channel);
        var client = new FileSystemMasterClientService.FileSystemMasterClientServiceClient(host.Channel);

        var address = new WorkerNetAddress { Host = "worker-a", RpcPort = 29999, DataPort = 29999 };
        var id = (await workers.GetWorkerIdAsync(new GetWorkerIdPRequest { WorkerNetAddress = address }, cancellationToken: Token)).WorkerId;
        Assert.Equal(id, (await workers.GetWorkerIdAsync(new GetWorkerIdPRequest { WorkerNetAddress = address }, cancellationToken: Token)).WorkerId);
        await workers.RegisterWorkerAsync(
            new RegisterWorkerPRequest { WorkerId = id, WorkerNetAddress = address, StorageTiers = { "MEM" }, TotalBytesOnTiers = { ["MEM"] = 4096 } },
            cancellationToken: Token);
        var blockId = InodeIds.BlockId(file.FileId, 1);
        await workers.CommitBlockAsync(
            new CommitBlockPRequest { WorkerId = id, BlockId = blockId, Length = 476, TierAlias = "MEM", MediumType = "MEM", UsedBytesOnTier = 476 },
            cancellationToken: Token);

        var load = await client.LoadAsync(new LoadPRequest { Path = "/f", Options = new LoadPOptions() }, cancellationToken: Token);
        Assert.True(load.JobId > 0);
        Assert.Equal(1, load.BlockCount);
        var reply = await workers.BlockHeartbeatAsync(new BlockHeartbeatPRequest { WorkerId = id }, cancellationToken: Token);
        Assert.Equal(InodeIds.BlockId(file.FileId, 0), reply.Commands.Single(c => c.Load is not null).Load.Blocks.Single().BlockId);

        var info = (await blocks.GetBlockInfoAsync(new GetBlockInfoPRequest { BlockId = blockId }, cancellationToken: Token)).BlockInfo;
        Assert.Equal((476L, id), (info.Length, info.Locations.Single().WorkerId));
        var master = (await blocks.GetBlockMasterInfoAsync(new GetBlockMasterInfoPOptions(), cancellationToken: Token)).BlockMasterInfo;
        Assert.Equal((1, 4096L, 476L, 4096L - 476L), (master.LiveWorkerNum, master.CapacityBytes, master.UsedBytes, master.FreeBytes));
        Assert.Equal(id, (await blocks.GetWorkerInfoListAsync(new GetWorkerInfoListPOptions(), cancellationToken: Token)).WorkerInfos.Single().Id);
        Assert.Empty((await blocks.GetLostWorkerListAsync(new GetWorkerInfoListPOptions(), cancellationToken: Token)).WorkerInfos);

        var unregistered = await Assert.ThrowsAsync<RpcException>(() => workers.CommitBlockAsync(
            new CommitBlockPRequest { WorkerId = 42, BlockId = blockId, Length = 1 }, cancellationToken: Token).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unregistered.StatusCode);
    }
}
