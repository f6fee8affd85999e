using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

/// <summary>Workers are told to remove blocks that are freed, deleted, or owned by no file.</summary>
public sealed class FreeCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreeTellsTheHolderToRemoveTheBlocksAndEndsWhenTheyAreGone()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var (worker, blocks) = await CacheAsync(fixture, "/dir/f", 2000);

        await fixture.Master.FreeAsync(AlluxioUri.Parse("/dir"), new FreePOptions { Recursive = true }, CallContext.Default, Token);
        Assert.Single(FreeJobs(fixture));

        var reply = await worker.HeartbeatAsync();
        Assert.Equal(blocks.Order(), TestWorker.FreedBlocks(reply).Order());

        await worker.HeartbeatAsync(removed: blocks);
        Assert.Empty(FreeJobs(fixture));
        Assert.Equal(0, (await fixture.StatAsync("/dir/f")).InAlluxioPercentage);
        Assert.Empty(TestWorker.FreedBlocks(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task AFreeRepeatedBeforeTheHolderReportsEndsWithItAndSparesBlocksCachedAfter()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var (worker, blocks) = await CacheAsync(fixture, "/f", 1500);
        var path = AlluxioUri.Parse("/f");
        await fixture.Master.FreeAsync(path, new FreePOptions(), CallContext.Default, Token);
        Assert.Equal(blocks.Order(), TestWorker.FreedBlocks(await worker.HeartbeatAsync()).Order());

        // Freed again (as fs free does while the file still shows cached) before the worker reported the removal.
        await fixture.Master.FreeAsync(path, new FreePOptions(), CallContext.Default, Token);
        await worker.HeartbeatAsync(removed: blocks);
        Assert.Empty(FreeJobs(fixture));

        // Cached anew by a later load or read: the finished frees leave the blocks alone.
        Assert.Empty(TestWorker.FreedBlocks(await worker.HeartbeatAsync(added: blocks)));
        Assert.Equal(100, (await fixture.StatAsync("/f")).InAlluxioPercentage);
    }

    [Fact]
    public async Task AFreeSurvivesAMasterRestartAndReachesTheReRegisteringWorker()
    {
        await using var fixture = await BlockFixture.StartAsync(journaled: true);
        var (worker, blocks) = await CacheAsync(fixture, "/f", 1500);
        await fixture.Master.FreeAsync(AlluxioUri.Parse("/f"), new FreePOptions(), CallContext.Default, Token);

        await fixture.RestartAsync();
        worker.Master = fixture.Master.Blocks;
        Assert.Single(FreeJobs(fixture));
        Assert.True(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));
        await worker.RegisterAsync();

        var reply = await worker.HeartbeatAsync();
        Assert.Equal(blocks.Order(), TestWorker.FreedBlocks(reply).Order());
        await worker.HeartbeatAsync(removed: blocks);
        Assert.Empty(FreeJobs(fixture));

        // The job's end is journaled too: after another restart nothing is freed from a worker caching the file anew.
        await fixture.Master.Context.Journal.CheckpointAsync(Token);
        await fixture.RestartAsync();
        worker.Master = fixture.Master.Blocks;
        worker.Blocks.UnionWith(blocks);
        await worker.RegisterAsync();
        Assert.Empty(TestWorker.FreedBlocks(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task ACheckpointKeepsAnUnfinishedFree()
    {
        await using var fixture = await BlockFixture.StartAsync(journaled: true);
        var (worker, blocks) = await CacheAsync(fixture, "/f", 100);
        await fixture.Master.FreeAsync(AlluxioUri.Parse("/f"), new FreePOptions(), CallContext.Default, Token);
        await fixture.Master.Context.Journal.CheckpointAsync(Token);

        await fixture.RestartAsync();
        worker.Master = fixture.Master.Blocks;
        await worker.RegisterAsync();
        Assert.Equal(blocks, TestWorker.FreedBlocks(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task DeletingAFileTellsTheHolderToRemoveItsBlocks()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var (worker, blocks) = await CacheAsync(fixture, "/f", 1500);

        await fixture.Master.DeleteAsync(AlluxioUri.Parse("/f"), new DeletePOptions(), CallContext.Default, Token);

        Assert.Equal(blocks.Order(), TestWorker.FreedBlocks(await worker.HeartbeatAsync()).Order());
        await worker.HeartbeatAsync(removed: blocks);
        Assert.All(blocks, b => Assert.True(fixture.Master.Blocks.Workers.LocationsOf(b).IsEmpty));
        Assert.Empty(TestWorker.FreedBlocks(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task OverwritingAFileTellsTheHolderToRemoveTheOldBlocks()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        var path = AlluxioUri.Parse("/w");
        var old = await fixture.Master.CreateFileAsync(path, new CreateFilePOptions { WriteType = WritePType.MustCache }, CallContext.Default, Token);
        await worker.CommitAsync(InodeIds.BlockId(old.FileId, 0), 10);
        await fixture.Master.CompleteFileAsync(path, new CompleteFilePOptions { UfsLength = 10 }, CallContext.Default, Token);

        await fixture.Master.CreateFileAsync(path, new CreateFilePOptions { WriteType = WritePType.MustCache, Overwrite = true }, CallContext.Default, Token);

        Assert.Equal([InodeIds.BlockId(old.FileId, 0)], TestWorker.FreedBlocks(await worker.HeartbeatAsync()));
    }

    [Fact]
    public async Task BlocksNoFileOwnsAreRemoved()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/f", 100);
        var file = await fixture.StatAsync("/f");
        var ofNoFile = InodeIds.BlockId(InodeIds.ForContainer(424242), 0);
        var pastTheEnd = InodeIds.BlockId(file.FileId, 5);
        var owned = InodeIds.BlockId(file.FileId, 0);
        var worker = new TestWorker(fixture.Master.Blocks);
        worker.Blocks.UnionWith([ofNoFile, pastTheEnd, owned]);
        await worker.RegisterAsync();

        Assert.Equal(new[] { ofNoFile, pastTheEnd }.Order(), TestWorker.FreedBlocks(await worker.HeartbeatAsync()).Order());

        // A block reported later is checked as well.
        var later = InodeIds.BlockId(InodeIds.ForContainer(434343), 1);
        var reply = await worker.HeartbeatAsync(removed: [ofNoFile, pastTheEnd], added: [later]);
        Assert.Equal([later], TestWorker.FreedBlocks(reply));
    }

    /// <summary>Loads a UFS file of <paramref name="length"/> bytes and has a registered worker cache all its blocks.</summary>
    private static async Task<(TestWorker Worker, List<long> Blocks)> CacheAsync(BlockFixture fixture, string path, int length)
    {
        fixture.WriteUfs(path, length);
        var file = await fixture.StatAsync(path);
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        foreach (var block in file.FileBlockInfos)
        {
            await worker.CommitAsync(block.BlockInfo.BlockId, block.BlockInfo.Length);
        }

        Assert.Equal(100, (await fixture.StatAsync(path)).InAlluxioPercentage);
        return (worker, [.. file.BlockIds]);
    }

    private static List<Jobs.FreeJob> FreeJobs(BlockFixture fixture)
    {
        using (fixture.Master.Context.Tree.ReadLocked())
        {
            return [.. fixture.Master.Context.Tree.Jobs.FreeJobs];
        }
    }
}
