using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

/// <summary>Workers learn which files are pinned from every heartbeat reply, so that they never evict those files' blocks.</summary>
public sealed class PinListTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryReplyCarriesTheWholePinListThroughPinsUnpinsDeletesAndRestarts()
    {
        await using var fixture = await BlockFixture.StartAsync(journaled: true);
        fixture.WriteUfs("/dir/a", 10);
        fixture.WriteUfs("/dir/b", 10);
        fixture.WriteUfs("/c", 10);
        var a = (await fixture.StatAsync("/dir/a")).FileId;
        var b = (await fixture.StatAsync("/dir/b")).FileId;
        var c = (await fixture.StatAsync("/c")).FileId;
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        Assert.Empty(PinList(await worker.HeartbeatAsync()));

        // Pinning a directory pins the files below it; the list is whole in every reply, not only the next one.
        await PinAsync(fixture, "/dir", true);
        await PinAsync(fixture, "/c", true);
        Assert.Equal([a, b, c], PinList(await worker.HeartbeatAsync()).Order());
        Assert.Equal([a, b, c], PinList(await worker.HeartbeatAsync()).Order());

        await PinAsync(fixture, "/dir/b", false);
        await fixture.Master.DeleteAsync(AlluxioUri.Parse("/c"), new DeletePOptions(), CallContext.Default, Token);
        Assert.Equal([a], PinList(await worker.HeartbeatAsync()));

        // The pins are journaled; a new master sends the same list once the worker has registered again.
        await fixture.RestartAsync();
        worker.Master = fixture.Master.Blocks;
        Assert.True(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));
        await worker.RegisterAsync();
        Assert.Equal([a], PinList(await worker.HeartbeatAsync()));
    }

    private static Task PinAsync(BlockFixture fixture, string path, bool pinned) =>
        fixture.Master.SetAttributeAsync(AlluxioUri.Parse(path), new SetAttributePOptions { Pinned = pinned }, CallContext.Default, Token);

    private static long[] PinList(BlockHeartbeatPResponse response) =>
        response.Commands.Single(c => c.CommandCase == WorkerCommand.CommandOneofCase.PinList).PinList.FileIds.ToArray();
}
