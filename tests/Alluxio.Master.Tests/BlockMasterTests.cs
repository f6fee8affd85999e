using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

/// <summary>Workers register, heartbeat and commit; block locations show in file infos; silent workers are lost.</summary>
public sealed class BlockMasterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkerKeepsItsIdForItsAddress()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var blocks = fixture.Master.Blocks;
        var first = blocks.GetWorkerId(new WorkerNetAddress { Host = "h1", RpcPort = 29999 });
        var again = blocks.GetWorkerId(new WorkerNetAddress { Host = "h1", RpcPort = 29999, WebPort = 30000 });
        var otherPort = blocks.GetWorkerId(new WorkerNetAddress { Host = "h1", RpcPort = 29998 });
        var otherHost = blocks.GetWorkerId(new WorkerNetAddress { Host = "h2", RpcPort = 29999 });

        Assert.True(first > 0);
        Assert.Equal(first, again);
        Assert.Equal(3, new HashSet<long> { first, otherPort, otherHost }.Count);
    }

    [Fact]
    public async Task CommittedBlocksShowInTheFileInfoWithTheirLocations()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/data/f", 2500);
        var file = await fixture.StatAsync("/data/f");
        Assert.Equal(3, file.FileBlockInfos.Count);
        Assert.Equal(0, file.InAlluxioPercentage);

        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        await worker.CommitAsync(InodeIds.BlockId(file.FileId, 0), BlockFixture.BlockSize);
        await worker.HeartbeatAsync(added: [InodeIds.BlockId(file.FileId, 2)]);

        var stat = await fixture.StatAsync("/data/f");
        Assert.Equal([0L, 1024L, 2048L], stat.FileBlockInfos.Select(b => b.Offset));
        Assert.Equal([1024L, 1024L, 452L], stat.FileBlockInfos.Select(b => b.BlockInfo.Length));
        Assert.Equal(stat.BlockIds, stat.FileBlockInfos.Select(b => b.BlockInfo.BlockId));
        var location = Assert.Single(stat.FileBlockInfos[0].BlockInfo.Locations);
        Assert.Equal(worker.Id, location.WorkerId);
        Assert.Equal("worker-a", location.WorkerAddress.Host);
        Assert.Equal(TestWorker.Tier, location.TierAlias);
        Assert.Empty(stat.FileBlockInfos[1].BlockInfo.Locations);
        Assert.All(stat.FileBlockInfos, b => Assert.Empty(b.UfsLocations));
        Assert.Equal((1024 + 452) * 100 / 2500, stat.InAlluxioPercentage);
        Assert.Equal(stat.InAlluxioPercentage, stat.InMemoryPercentage);

        var listed = Assert.Single(await fixture.ListAsync("/data"));
        Assert.Equal(stat.FileBlockInfos, listed.FileBlockInfos);
        Assert.Equal(stat.InAlluxioPercentage, listed.InAlluxioPercentage);

        var info = fixture.Master.Blocks.GetBlockInfo(InodeIds.BlockId(file.FileId, 2));
        Assert.Equal(452, info.Length);
        Assert.Equal(worker.Id, Assert.Single(info.Locations).WorkerId);

        var summary = fixture.Master.Blocks.GetBlockMasterInfo();
        Assert.Equal(1, summary.LiveWorkerNum);
        Assert.Equal(1L << 30, summary.CapacityBytesOnTiers[TestWorker.Tier]);
        var described = Assert.Single(fixture.Master.Blocks.GetWorkerInfoList());
        Assert.Equal(("LIVE", 2L), (described.State, described.BlockCount));
    }

    [Fact]
    public async Task AnEmptyFileIsWhollyInAlluxio()
    {
        await using var fixture = await BlockFixture.StartAsync();
        await fixture.Master.CreateFileAsync(AlluxioUri.Parse("/empty"), new CreateFilePOptions { WriteType = WritePType.MustCache }, CallContext.Default, Token);
        await fixture.Master.CompleteFileAsync(AlluxioUri.Parse("/empty"), new CompleteFilePOptions(), CallContext.Default, Token);

        var stat = await fixture.StatAsync("/empty");
        Assert.Empty(stat.FileBlockInfos);
        Assert.Equal((100, 100), (stat.InAlluxioPercentage, stat.InMemoryPercentage));
    }

    [Fact]
    public async Task AHeartbeatFromAnUnknownWorkerAsksItToRegister()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var response = await fixture.Master.Blocks.HeartbeatAsync(new BlockHeartbeatPRequest { WorkerId = 12345 }, Token);
        Assert.True(TestWorker.AsksToRegister(response));

        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        Assert.False(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task ASilentWorkerIsLostAfterTheTimeoutAndLiveAgainWhenItRegisters()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/f", 100);
        var file = await fixture.StatAsync("/f");
        var blocks = fixture.Master.Blocks;
        var worker = new TestWorker(blocks);
        await worker.RegisterAsync();
        await worker.CommitAsync(InodeIds.BlockId(file.FileId, 0), 100);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(blocks.DetectLostWorkers());
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([worker.Id], blocks.DetectLostWorkers());

        var lost = Assert.Single(blocks.GetLostWorkerList());
        Assert.Equal(("LOST", 301), (lost.State, lost.LastContactSec));
        Assert.Empty(blocks.GetWorkerInfoList());
        Assert.Equal(0, (await fixture.StatAsync("/f")).InAlluxioPercentage);
        Assert.True(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));

        await worker.RegisterAsync();
        Assert.Equal(worker.Id, Assert.Single(blocks.GetWorkerInfoList()).Id);
        Assert.Empty(blocks.GetLostWorkerList());
        Assert.Equal(100, (await fixture.StatAsync("/f")).InAlluxioPercentage);
        Assert.False(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task ARestartedMasterTakesBackAWorkersIdFromItsRegistration()
    {
        await using var fixture = await BlockFixture.StartAsync(journaled: true);
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        var id = worker.Id;

        await fixture.RestartAsync();
        worker.Master = fixture.Master.Blocks;
        Assert.True(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));
        await worker.RegisterAsync();
        Assert.Equal(id, fixture.Master.Blocks.GetWorkerId(worker.Address));
        Assert.Equal(id, Assert.Single(fixture.Master.Blocks.GetWorkerInfoList()).Id);
    }
}
