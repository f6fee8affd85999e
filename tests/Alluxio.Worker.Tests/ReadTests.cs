using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Errors;
using Alluxio.Testing;
using Alluxio.Worker.Tests.Hosting;
using Grpc.Core;

namespace Alluxio.Worker.Tests;

/// <summary>ReadBlock: cached blocks in chunks, misses filled once from the UFS while readers follow, and NO_CACHE.</summary>
public sealed class ReadTests
{
    private const long LocalMount = 1;
    private const long KodoMount = 2;
    private const int BlockSize = 256 * 1024;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACachedBlockIsStreamedInChunksOfTheRequestedSizeFromTheOffset()
    {
        await using var host = await InProcessWorker.StartAsync();
        var content = TestContent.Bytes(1000);
        await WriteStoreBlockAsync(host, 42, content);

        var chunks = await host.Client.ReadChunksAsync(new ReadRequest { BlockId = 42, Offset = 10, Length = 100, ChunkSize = 30 }, Token);

        Assert.Equal([30, 30, 30, 10], chunks.Select(c => c.Length));
        Assert.Equal(content.AsSpan(10, 100).ToArray(), chunks.SelectMany(c => c).ToArray());
        Assert.Equal(content.AsSpan(990).ToArray(), await host.Client.ReadAsync(new ReadRequest { BlockId = 42, Offset = 990, ChunkSize = 30 }, Token));
    }

    [Fact]
    public async Task AMissReadsTheBlockFromTheLocalUfsAtItsOffsetCachesItAndTellsTheMaster()
    {
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, hash) = await LocalFileAsync(host, 3 * BlockSize - 100);

        var read = await host.Client.ReadAsync(new ReadRequest { BlockId = 101, Offset = 5, Length = 50_000, ChunkSize = 8192, OpenUfsBlockOptions = Ufs(LocalMount, path, 1, content.Length, hash) }, Token);

        Assert.Equal(content.AsSpan(BlockSize + 5, 50_000).ToArray(), read);
        await host.Master.WaitUntilAsync(() => host.Master.Commits.Any(c => c.BlockId == 101), Token);
        Assert.Equal(BlockSize, host.Worker.Store.FindBlock(101)!.Length);
        Assert.Equal(BlockSize, Assert.Single(host.Master.Commits).Length);
        var last = await host.Client.ReadAsync(new ReadRequest { BlockId = 102, OpenUfsBlockOptions = Ufs(LocalMount, path, 2, content.Length, hash) }, Token);
        Assert.Equal(content.AsSpan(2 * BlockSize).ToArray(), last);
    }

    [Fact]
    public async Task AMissReadsThroughFromKodo()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, hash) = await KodoObjectAsync(host, emulator, 2 * BlockSize);

        var read = await host.Client.ReadAsync(new ReadRequest { BlockId = 201, ChunkSize = 65536, OpenUfsBlockOptions = Ufs(KodoMount, path, 1, content.Length, hash) }, Token);

        Assert.Equal(content.AsSpan(BlockSize, BlockSize).ToArray(), read);

        // The fill commits after the reader has its last byte.
        await host.Master.WaitUntilAsync(() => host.Master.Commits.Any(c => c.BlockId == 201), Token);
        Assert.NotNull(host.Worker.Store.FindBlock(201));
    }

    [Fact]
    public async Task TenConcurrentColdReadsOfOneBlockGetItFromKodoOnce()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, hash) = await KodoObjectAsync(host, emulator, 4 * BlockSize);
        await emulator.ResetCountersAsync(Token);

        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            host.Client.ReadAsync(new ReadRequest { BlockId = 300, ChunkSize = 16384, OpenUfsBlockOptions = Ufs(KodoMount, path, 0, content.Length, hash) }, Token)));

        Assert.All(reads, r => Assert.Equal(content.AsSpan(0, BlockSize).ToArray(), r));
        var counters = await emulator.CountersAsync(Token);
        Assert.Equal(1, counters.GetValueOrDefault("io.get"));
        Assert.Equal(1, host.Master.UfsInfoCalls);
    }

    [Fact]
    public async Task AChangedObjectFailsTheReadAndNothingIsCached()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, _) = await KodoObjectAsync(host, emulator, BlockSize);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.ReadAsync(new ReadRequest { BlockId = 400, OpenUfsBlockOptions = Ufs(KodoMount, path, 0, content.Length, "FstaleHash") }, Token));

        Assert.Equal(ErrorType.FailedPrecondition, AlluxioStatus.FindErrorType(error.Trailers));
        Assert.Null(host.Worker.Store.FindBlock(400));
        Assert.Empty(TempBlocks(host));
        Assert.Empty(host.Master.Commits);
    }

    [Fact]
    public async Task AChangedLocalFileFailsTheReadAndNothingIsCached()
    {
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, _) = await LocalFileAsync(host, BlockSize);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.ReadAsync(new ReadRequest { BlockId = 401, OpenUfsBlockOptions = Ufs(LocalMount, path, 0, content.Length, "(1:2)") }, Token));

        Assert.Contains("changed", error.Status.Detail, StringComparison.Ordinal);
        Assert.Null(host.Worker.Store.FindBlock(401));
        Assert.Empty(TempBlocks(host));
    }

    [Fact]
    public async Task NoCacheStreamsFromTheUfsAndCachesNothing()
    {
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, hash) = await LocalFileAsync(host, 2 * BlockSize);
        var options = Ufs(LocalMount, path, 1, content.Length, hash);
        options.NoCache = true;

        var read = await host.Client.ReadAsync(new ReadRequest { BlockId = 501, Offset = 100, ChunkSize = 10_000, OpenUfsBlockOptions = options }, Token);

        Assert.Equal(content.AsSpan(BlockSize + 100).ToArray(), read);
        Assert.Null(host.Worker.Store.FindBlock(501));
        Assert.Empty(TempBlocks(host));
    }

    [Fact]
    public async Task AnUncachedBlockWithoutAUfsIsNotFound()
    {
        await using var host = await InProcessWorker.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.ReadAsync(new ReadRequest { BlockId = 9 }, Token));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(ErrorType.FileDoesNotExist, AlluxioStatus.FindErrorType(error.Trailers));
    }

    internal static OpenUfsBlockOptions Ufs(long mountId, string path, int index, long fileLength, string hash) => new()
    {
        MountId = mountId,
        UfsPath = path,
        OffsetInFile = (long)index * BlockSize,
        BlockSize = Math.Min(BlockSize, fileLength - ((long)index * BlockSize)),
        ContentHash = hash,
    };

    internal static async Task WriteStoreBlockAsync(InProcessWorker host, long blockId, byte[] content)
    {
        var temp = await host.Worker.Store.CreateTempBlockAsync(1, blockId, content.Length, Token);
        await File.WriteAllBytesAsync(temp.Path, content, Token);
        await host.Worker.Store.CommitBlockAsync(1, blockId, Token);
    }

    internal static async Task<(string Path, byte[] Content, string Hash)> LocalFileAsync(InProcessWorker host, int length)
    {
        host.Mount(LocalMount, host.UfsRoot);
        var path = Path.Combine(host.UfsRoot, "file");
        var content = TestContent.Bytes(length);
        await File.WriteAllBytesAsync(path, content, Token);
        return await LocalFileStatusAsync(host, path);
    }

    internal static async Task<(string Path, byte[] Content, string Hash)> LocalFileStatusAsync(InProcessWorker host, string path)
    {
        await using var ufs = Alluxio.UnderFs.BuiltInUnderFileSystems.CreateRegistry(TestUfs.Context(host.Logs))
            .Create(host.UfsRoot, Alluxio.UnderFs.UnderFileSystemConfiguration.ForMount(Alluxio.Configuration.AlluxioConfiguration.Defaults, []));
        return (path, await File.ReadAllBytesAsync(path, Token), (await ufs.GetFileStatusAsync(path, Token)).ContentHash);
    }

    internal static async Task<(string Path, byte[] Content, string Hash)> KodoObjectAsync(InProcessWorker host, KodoEmulatorFixture emulator, int length)
    {
        host.Mount(KodoMount, $"kodo://{TestKodo.Bucket}/", TestKodo.Options(emulator));
        var content = TestContent.Bytes(length);
        await using var client = TestKodo.Client(emulator);
        var put = await client.PutAsync("data/object", content, Token);
        return ($"kodo://{TestKodo.Bucket}/data/object", content, put.Hash);
    }

    internal static string[] TempBlocks(InProcessWorker host) =>
        Directory.GetFiles(host.StoreFolder, "*", SearchOption.AllDirectories).Where(f => f.Contains(".tmp_blocks", StringComparison.Ordinal)).ToArray();
}
