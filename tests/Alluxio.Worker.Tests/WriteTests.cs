using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Testing;
using Alluxio.Worker.Tests.Hosting;
using Grpc.Core;

namespace Alluxio.Worker.Tests;

/// <summary>WriteBlock: blocks into the store, files into the UFS (and their blocks), commit on completion, abort on cancel.</summary>
public sealed class WriteTests
{
    private const long LocalMount = 1;
    private const long KodoMount = 2;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABlockWriteAnswersFlushesAndCommitsWhenTheStreamCompletes()
    {
        await using var host = await InProcessWorker.StartAsync();
        var content = TestContent.Bytes(300_000);
        using var call = host.Client.WriteBlock(cancellationToken: Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Type = RequestType.AlluxioBlock, Id = 77, SpaceToReserve = 100_000 } }, Token);
        await call.RequestStream.WriteAsync(WorkerCalls.Chunk(content, 0, 120_000), Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Flush = true } }, Token);

        Assert.True(await call.ResponseStream.MoveNext(Token));
        Assert.Equal(120_000, call.ResponseStream.Current.Offset);
        Assert.Null(host.Worker.Store.FindBlock(77));

        await call.RequestStream.WriteAsync(WorkerCalls.Chunk(content, 120_000, 180_000), Token);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Token));
        Assert.Equal(300_000, call.ResponseStream.Current.Offset);
        Assert.Equal(300_000, host.Worker.Store.FindBlock(77)!.Length);
        Assert.Equal(content, await host.Client.ReadAsync(new ReadRequest { BlockId = 77 }, Token));
        await host.Master.WaitUntilAsync(() => host.Master.Commits.Any(c => c.BlockId == 77 && c.Length == 300_000), Token);
    }

    [Fact]
    public async Task ACancelledBlockWriteLeavesNoBlock()
    {
        await using var host = await InProcessWorker.StartAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var call = host.Client.WriteBlock(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Type = RequestType.AlluxioBlock, Id = 78, SpaceToReserve = 1000 } }, Token);
        await call.RequestStream.WriteAsync(WorkerCalls.Chunk(TestContent.Bytes(500), 0, 500), Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Flush = true } }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));

        await cancel.CancelAsync();
        call.Dispose();

        await host.Master.WaitUntilAsync(() => ReadTests.TempBlocks(host).Length == 0, Token);
        Assert.Null(host.Worker.Store.FindBlock(78));
        Assert.Empty(host.Master.Commits);
        Assert.All(host.Worker.Store.GetReport(), t => Assert.Equal(0, t.UsedBytes));
    }

    [Fact]
    public async Task AUfsFileWriteToTheLocalUfsCommitsTheFileAndAnswersItsContentHash()
    {
        await using var host = await InProcessWorker.StartAsync();
        host.Mount(LocalMount, host.UfsRoot);
        var path = Path.Combine(host.UfsRoot, "dir", "through");
        var content = TestContent.Bytes(1_000_000);

        var response = await host.Client.WriteAsync(UfsFile(LocalMount, path), content, 64 * 1024, Token);

        Assert.Equal(content.Length, response.Offset);
        Assert.Equal(content, await File.ReadAllBytesAsync(path, Token));
        var (_, _, hash) = await ReadTests.LocalFileStatusAsync(host, path);
        Assert.Equal(hash, response.ContentHash);
        Assert.Empty(response.CachedBlockIds);
    }

    [Fact]
    public async Task AUfsFileWriteToKodoGoesUpInParts()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var host = await InProcessWorker.StartAsync();
        MountKodo(host, emulator);
        var content = TestContent.Bytes((7 * TestContent.MiB) / 2);

        var response = await host.Client.WriteAsync(UfsFile(KodoMount, $"kodo://{TestKodo.Bucket}/out/file"), content, 256 * 1024, Token);

        await using var client = TestKodo.Client(emulator);
        var info = await client.StatAsync("out/file", Token);
        Assert.Equal(content.Length, info!.Size);
        Assert.Equal(info.Hash, response.ContentHash);
        var counters = await emulator.CountersAsync(Token);
        Assert.Equal(4, counters.GetValueOrDefault("up.v2.part"));
        Assert.Equal(1, counters.GetValueOrDefault("up.v2.complete"));
    }

    [Fact]
    public async Task ACancelledUfsFileWriteToKodoLeavesNoObjectAndNoUpload()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var host = await InProcessWorker.StartAsync();
        MountKodo(host, emulator);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var call = host.Client.WriteBlock(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = UfsFile(KodoMount, $"kodo://{TestKodo.Bucket}/out/cancelled") }, Token);
        var content = TestContent.Bytes(3 * TestContent.MiB);
        for (var offset = 0; offset < content.Length; offset += TestContent.MiB / 2)
        {
            await call.RequestStream.WriteAsync(WorkerCalls.Chunk(content, offset, TestContent.MiB / 2), Token);
        }

        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Flush = true } }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));
        await host.Master.WaitUntilAsync(() => emulator.Server.OpenMultipartUploads > 0, Token);

        await cancel.CancelAsync();
        call.Dispose();

        await host.Master.WaitUntilAsync(() => emulator.Server.OpenMultipartUploads == 0, Token);
        await using var client = TestKodo.Client(emulator);
        Assert.Null(await client.StatAsync("out/cancelled", Token));
        var counters = await emulator.CountersAsync(Token);
        Assert.Equal(0, counters.GetValueOrDefault("up.v2.complete"));
        Assert.Equal(1, counters.GetValueOrDefault("up.v2.abort"));
    }

    [Fact]
    public async Task ACacheThroughWriteCachesTheFilesBlocksCutAtTheBlockSize()
    {
        await using var host = await InProcessWorker.StartAsync();
        host.Mount(LocalMount, host.UfsRoot);
        var fileId = InodeIds.ForContainer(12);
        var command = UfsFile(LocalMount, Path.Combine(host.UfsRoot, "cached"));
        command.CreateUfsFileOptions.CacheBlocks = true;
        command.CreateUfsFileOptions.FileId = fileId;
        command.CreateUfsFileOptions.BlockSizeBytes = 100_000;
        var content = TestContent.Bytes(250_000);

        var response = await host.Client.WriteAsync(command, content, 30_000, Token);

        long[] expected = [InodeIds.BlockId(fileId, 0), InodeIds.BlockId(fileId, 1), InodeIds.BlockId(fileId, 2)];
        Assert.Equal(expected, response.CachedBlockIds);
        Assert.Equal([100_000, 100_000, 50_000], expected.Select(id => host.Worker.Store.FindBlock(id)!.Length));
        Assert.Equal(content.AsSpan(100_000, 100_000).ToArray(), await host.Client.ReadAsync(new ReadRequest { BlockId = expected[1] }, Token));
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(host.UfsRoot, "cached"), Token));
        await host.Master.WaitUntilAsync(() => expected.All(id => host.Master.Commits.Any(c => c.BlockId == id)), Token);
    }

    [Fact]
    public async Task ACancelledCacheThroughWriteLeavesNoFileAndNoBlocks()
    {
        await using var host = await InProcessWorker.StartAsync();
        host.Mount(LocalMount, host.UfsRoot);
        var fileId = InodeIds.ForContainer(13);
        var command = UfsFile(LocalMount, Path.Combine(host.UfsRoot, "dropped"));
        command.CreateUfsFileOptions.CacheBlocks = true;
        command.CreateUfsFileOptions.FileId = fileId;
        command.CreateUfsFileOptions.BlockSizeBytes = 100_000;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var call = host.Client.WriteBlock(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = command }, Token);
        await call.RequestStream.WriteAsync(WorkerCalls.Chunk(TestContent.Bytes(150_000), 0, 150_000), Token);
        await call.RequestStream.WriteAsync(new WriteRequest { Command = new WriteRequestCommand { Flush = true } }, Token);
        Assert.True(await call.ResponseStream.MoveNext(Token));
        Assert.NotNull(host.Worker.Store.FindBlock(InodeIds.BlockId(fileId, 0)));

        await cancel.CancelAsync();
        call.Dispose();

        // The blocks and the UFS file are dropped by separate steps of the abort; both must go.
        await host.Master.WaitUntilAsync(
            () => host.Worker.Store.FindBlock(InodeIds.BlockId(fileId, 0)) is null && ReadTests.TempBlocks(host).Length == 0 && Directory.GetFiles(host.UfsRoot).Length == 0,
            Token);
    }

    [Fact]
    public async Task AWriteWithoutACommandFirstIsRefused()
    {
        await using var host = await InProcessWorker.StartAsync();
        using var call = host.Client.WriteBlock(cancellationToken: Token);
        await call.RequestStream.WriteAsync(WorkerCalls.Chunk([1, 2, 3], 0, 3), Token);
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Token));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private static WriteRequestCommand UfsFile(long mountId, string path) => new()
    {
        Type = RequestType.UfsFile,
        CreateUfsFileOptions = new CreateUfsFileOptions { MountId = mountId, UfsPath = path },
    };

    private static void MountKodo(InProcessWorker host, KodoEmulatorFixture emulator) =>
        host.Mount(
            KodoMount,
            $"kodo://{TestKodo.Bucket}/",
            [.. TestKodo.Options(emulator), new("alluxio.underfs.kodo.multipart.threshold", "1MB"), new("alluxio.underfs.kodo.multipart.part.size", "1MB")]);
}
