using Alluxio.Fingerprints;
using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

/// <summary>A load sends each uncached block to one worker and ends when every block is cached or failed.</summary>
public sealed class LoadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALoadSendsEachBlockToTheWorkerItHashesToAndEndsWhenAllAreCached()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/dir/a", 2500);
        fixture.WriteUfs("/dir/sub/b", 1000);
        var workers = new[] { new TestWorker(fixture.Master.Blocks, "worker-a"), new TestWorker(fixture.Master.Blocks, "worker-b") };
        foreach (var worker in workers)
        {
            await worker.RegisterAsync();
        }

        var load = fixture.Master.LoadAsync(AlluxioUri.Parse("/dir"), new LoadPOptions { Wait = true }, CallContext.Default, Token);
        var a = await fixture.StatAsync("/dir/a");
        var sent = new Dictionary<long, (TestWorker Worker, LoadBlock Block)>();
        foreach (var worker in workers)
        {
            foreach (var block in TestWorker.LoadBlocks(await worker.HeartbeatAsync()))
            {
                sent.Add(block.BlockId, (worker, block));
            }
        }

        Assert.Equal(4, sent.Count);
        var last = sent[a.BlockIds[2]].Block;
        Assert.Equal((a.MountId, fixture.UfsPath("/dir/a"), 2048L, 452L), (last.MountId, last.UfsPath, last.OffsetInFile, last.Length));
        Assert.Equal(FingerprintFields.ContentHash(a.UfsFingerprint), last.ContentHash);
        Assert.False(load.IsCompleted);

        foreach (var group in sent.Values.GroupBy(s => s.Worker))
        {
            await group.Key.HeartbeatAsync(added: group.Select(s => s.Block.BlockId));
        }

        var result = await load;
        Assert.Equal((4L, 0L, ""), (result.BlockCount, result.FailedBlockCount, result.Failure));
        Assert.Equal(100, (await fixture.StatAsync("/dir/sub/b")).InAlluxioPercentage);
        Assert.Empty(LoadJobs(fixture));

        // Everything is cached now: a second load has nothing to do.
        var again = await fixture.Master.LoadAsync(AlluxioUri.Parse("/dir"), new LoadPOptions { Wait = true }, CallContext.Default, Token);
        Assert.Equal(0, again.BlockCount);
    }

    [Fact]
    public async Task AFailedBlockEndsTheLoadWithItsReason()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/f", 100);
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        var load = fixture.Master.LoadAsync(AlluxioUri.Parse("/f"), new LoadPOptions { Wait = true }, CallContext.Default, Token);
        var block = Assert.Single(TestWorker.LoadBlocks(await worker.HeartbeatAsync()));

        await worker.HeartbeatAsync(failedLoads: new Dictionary<long, string> { [block.BlockId] = "The object changed in the UFS." });

        var result = await load;
        Assert.Equal((1L, 1L), (result.BlockCount, result.FailedBlockCount));
        Assert.Contains("The object changed in the UFS.", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoadWaitsForAWorkerAndGoesOnAfterAMasterRestart()
    {
        await using var fixture = await BlockFixture.StartAsync(journaled: true);
        fixture.WriteUfs("/f", 100);
        var started = await fixture.Master.LoadAsync(AlluxioUri.Parse("/f"), new LoadPOptions(), CallContext.Default, Token);
        Assert.Equal(1, started.BlockCount);

        await fixture.RestartAsync();
        Assert.Single(LoadJobs(fixture));
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        var block = Assert.Single(TestWorker.LoadBlocks(await worker.HeartbeatAsync()));
        await worker.HeartbeatAsync(added: [block.BlockId]);

        Assert.Empty(LoadJobs(fixture));
        Assert.Equal(100, (await fixture.StatAsync("/f")).InAlluxioPercentage);
    }

    [Fact]
    public async Task ABlockOfALostWorkerGoesToAnother()
    {
        await using var fixture = await BlockFixture.StartAsync();
        fixture.WriteUfs("/f", 100);
        var first = new TestWorker(fixture.Master.Blocks, "worker-a");
        await first.RegisterAsync();
        await fixture.Master.LoadAsync(AlluxioUri.Parse("/f"), new LoadPOptions(), CallContext.Default, Token);
        Assert.Single(TestWorker.LoadBlocks(await first.HeartbeatAsync()));

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var second = new TestWorker(fixture.Master.Blocks, "worker-b");
        await second.RegisterAsync();
        fixture.Master.Blocks.DetectLostWorkers();

        var block = Assert.Single(TestWorker.LoadBlocks(await second.HeartbeatAsync()));
        await second.HeartbeatAsync(added: [block.BlockId]);
        Assert.Empty(LoadJobs(fixture));
    }

    private static List<Jobs.LoadJob> LoadJobs(BlockFixture fixture)
    {
        using (fixture.Master.Context.Tree.ReadLocked())
        {
            return [.. fixture.Master.Context.Tree.Jobs.LoadJobs];
        }
    }
}
