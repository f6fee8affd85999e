using Alluxio.Grpc;
using Alluxio.Testing;
using Alluxio.Worker.Tests.Hosting;
using Grpc.Core;

namespace Alluxio.Worker.Tests;

/// <summary>Short-circuit leases, removal, and a restart that finds the cached blocks again.</summary>
public sealed class LeaseAndRestartTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOpenLocalBlockLeaseKeepsTheBlockFromEvictionUntilTheClientCompletes()
    {
        await using var host = await InProcessWorker.StartAsync(quota: 3000);
        await ReadTests.WriteStoreBlockAsync(host, 1, TestContent.Bytes(1000, 1));
        await ReadTests.WriteStoreBlockAsync(host, 2, TestContent.Bytes(1000, 2));
        await ReadTests.WriteStoreBlockAsync(host, 3, TestContent.Bytes(1000, 3));
        using var call = host.Client.OpenLocalBlock(cancellationToken: Token);
        await call.RequestStream.WriteAsync(new OpenLocalBlockRequest { BlockId = 1 }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));
        var path = call.ResponseStream.Current.Path;
        Assert.Equal(TestContent.Bytes(1000, 1), await File.ReadAllBytesAsync(path, Token));

        await ReadTests.WriteStoreBlockAsync(host, 4, TestContent.Bytes(1000, 4));

        Assert.NotNull(host.Worker.Store.FindBlock(1));
        Assert.Null(host.Worker.Store.FindBlock(2));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(Token));
        // The lease counted as an access, so block 3 goes first, then block 1, now that nothing holds it.
        await ReadTests.WriteStoreBlockAsync(host, 5, TestContent.Bytes(1000, 5));
        await ReadTests.WriteStoreBlockAsync(host, 6, TestContent.Bytes(1000, 6));
        Assert.Null(host.Worker.Store.FindBlock(1));
    }

    [Fact]
    public async Task OpeningAnUnknownLocalBlockIsNotFound()
    {
        await using var host = await InProcessWorker.StartAsync();
        using var call = host.Client.OpenLocalBlock(cancellationToken: Token);
        await call.RequestStream.WriteAsync(new OpenLocalBlockRequest { BlockId = 99 }, Token);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Token));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RemoveBlockAndFreeWorkerEmptyTheStoreAndTheHeartbeatSaysSo()
    {
        await using var host = await InProcessWorker.StartAsync();
        await ReadTests.WriteStoreBlockAsync(host, 11, TestContent.Bytes(100));
        await ReadTests.WriteStoreBlockAsync(host, 12, TestContent.Bytes(100));

        await host.Client.RemoveBlockAsync(new RemoveBlockRequest { BlockId = 11 }, cancellationToken: Token);
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.RemoveBlockAsync(new RemoveBlockRequest { BlockId = 11 }, cancellationToken: Token));
        await host.Client.FreeWorkerAsync(new FreeWorkerRequest(), cancellationToken: Token);

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Null(host.Worker.Store.FindBlock(12));
        await host.Master.WaitUntilAsync(
            () => host.Master.Heartbeats.SelectMany(h => h.RemovedBlockIds).ToHashSet().IsSupersetOf([11, 12]), Token);
    }

    [Fact]
    public async Task ARestartedWorkerKeepsItsCachedBlocksAndRegistersThem()
    {
        await using var host = await InProcessWorker.StartAsync();
        var content = TestContent.Bytes(5000);
        await host.Client.WriteAsync(new WriteRequestCommand { Type = RequestType.AlluxioBlock, Id = 21, SpaceToReserve = 5000 }, content, 1000, Token);
        await host.Master.WaitUntilAsync(() => !host.Master.Registrations.IsEmpty, Token);

        await host.RestartAsync();

        Assert.Equal(content, await host.Client.ReadAsync(new ReadRequest { BlockId = 21 }, Token));
        await host.Master.WaitUntilAsync(() => host.Master.Registrations.Count == 2, Token);
        var registration = host.Master.Registrations.Last();
        Assert.Equal([21L], registration.CurrentBlocks.SelectMany(e => e.BlockIds));
        Assert.Equal("MEM", Assert.Single(registration.CurrentBlocks).Key.TierAlias);
        Assert.Equal(5000, registration.UsedBytesOnTiers["MEM"]);
    }

    [Fact]
    public async Task AStoppingWorkerEndsOpenWritesAndLeasesAsUnavailable()
    {
        await using var host = await InProcessWorker.StartAsync();
        await ReadTests.WriteStoreBlockAsync(host, 71, TestContent.Bytes(100));
        using var lease = host.Client.OpenLocalBlock(cancellationToken: Token);
        await lease.RequestStream.WriteAsync(new OpenLocalBlockRequest { BlockId = 71 }, Token);
        Assert.True(await lease.ResponseStream.MoveNext(Token));
        using var write = host.Client.WriteBlock(cancellationToken: Token);
        await write.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Type = RequestType.AlluxioBlock, Id = 72, SpaceToReserve = 100 } }, Token);
        await write.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Flush = true } }, Token);
        Assert.True(await write.ResponseStream.MoveNext(Token));

        await host.Worker.BeginStopAsync();

        var writeError = await Assert.ThrowsAsync<RpcException>(() => write.ResponseStream.MoveNext(Token));
        var leaseError = await Assert.ThrowsAsync<RpcException>(() => lease.ResponseStream.MoveNext(Token));
        Assert.Equal(StatusCode.Unavailable, writeError.StatusCode);
        Assert.Equal(StatusCode.Unavailable, leaseError.StatusCode);
        Assert.Empty(ReadTests.TempBlocks(host));
        Assert.True(await host.Worker.Store.RemoveBlockAsync(71, Token));
    }
}
