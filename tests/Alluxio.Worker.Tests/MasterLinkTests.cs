using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Testing;
using Alluxio.Worker.Tests.Hosting;

namespace Alluxio.Worker.Tests;

/// <summary>The master's commands (register, free, load, persist) and a master that is not there.</summary>
public sealed class MasterLinkTests
{
    private const long LocalMount = 1;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegisterCommandSendsTheWholeStoreAgain()
    {
        await using var host = await InProcessWorker.StartAsync();
        await ReadTests.WriteStoreBlockAsync(host, 31, TestContent.Bytes(10));
        await host.Master.WaitUntilAsync(() => !host.Master.Registrations.IsEmpty, Token);

        host.Master.Commands.Enqueue(new WorkerCommand { Register = new RegisterCommand() });

        await host.Master.WaitUntilAsync(() => host.Master.Registrations.Count == 2, Token);
        Assert.Contains(31L, host.Master.Registrations.Last().CurrentBlocks.SelectMany(e => e.BlockIds));
        Assert.Equal(FakeBlockMaster.WorkerId, host.Worker.WorkerId);
    }

    [Fact]
    public async Task AFreeCommandRemovesTheBlocksAndSkipsMissingOnes()
    {
        await using var host = await InProcessWorker.StartAsync();
        await ReadTests.WriteStoreBlockAsync(host, 32, TestContent.Bytes(10));

        host.Master.Commands.Enqueue(new WorkerCommand { Free = new FreeCommand { BlockIds = { 32, 33 } } });

        await host.Master.WaitUntilAsync(() => host.Master.Heartbeats.Any(h => h.RemovedBlockIds.Contains(32)), Token);
        Assert.Null(host.Worker.Store.FindBlock(32));
    }

    [Fact]
    public async Task ALoadCommandCachesTheBlocksAndReportsTheOnesThatFailed()
    {
        await using var host = await InProcessWorker.StartAsync();
        var (path, content, hash) = await ReadTests.LocalFileAsync(host, 300_000);
        var load = new LoadCommand();
        load.Blocks.Add(new LoadBlock { BlockId = 41, MountId = LocalMount, UfsPath = path, OffsetInFile = 0, Length = 200_000, ContentHash = hash });
        load.Blocks.Add(new LoadBlock { BlockId = 42, MountId = LocalMount, UfsPath = path + "-missing", OffsetInFile = 0, Length = 10, ContentHash = hash });

        host.Master.Commands.Enqueue(new WorkerCommand { Load = load });

        await host.Master.WaitUntilAsync(
            () => host.Master.Heartbeats.Any(h => h.FailedLoads.ContainsKey(42)) && host.Master.Commits.Any(c => c.BlockId == 41), Token);
        Assert.Equal(content.AsSpan(0, 200_000).ToArray(), await host.Client.ReadAsync(new ReadRequest { BlockId = 41 }, Token));
        Assert.Contains("does not exist", host.Master.Heartbeats.First(h => h.FailedLoads.ContainsKey(42)).FailedLoads[42], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersistCommandWritesTheFileFromItsBlocksAndReportsItsContentHash()
    {
        await using var host = await InProcessWorker.StartAsync();
        host.Mount(LocalMount, host.UfsRoot);
        var fileId = InodeIds.ForContainer(5);
        var content = TestContent.Bytes(250_000);
        var persist = new PersistFile { FileId = fileId, MountId = LocalMount, UfsPath = Path.Combine(host.UfsRoot, "persisted", "file"), Length = content.Length, BlockSizeBytes = 100_000 };
        for (var i = 0; i * 100_000 < content.Length; i++)
        {
            var block = content.AsSpan(i * 100_000, Math.Min(100_000, content.Length - (i * 100_000))).ToArray();
            await ReadTests.WriteStoreBlockAsync(host, InodeIds.BlockId(fileId, i), block);
            persist.Blocks.Add(new BlockInfo { BlockId = InodeIds.BlockId(fileId, i), Length = block.Length });
        }

        host.Master.Commands.Enqueue(new WorkerCommand { Persist = new PersistCommand { Files = { persist } } });

        await host.Master.WaitUntilAsync(() => host.Master.Heartbeats.Any(h => h.PersistedFiles.Any(f => f.FileId == fileId)), Token);
        var reported = host.Master.Heartbeats.SelectMany(h => h.PersistedFiles).Single(f => f.FileId == fileId);
        Assert.Equal("", reported.Error);
        Assert.Equal(content, await File.ReadAllBytesAsync(persist.UfsPath, Token));
        Assert.Equal((await ReadTests.LocalFileStatusAsync(host, persist.UfsPath)).Hash, reported.ContentHash);
    }

    [Fact]
    public async Task APersistOfABlockNobodyHasFailsAndLeavesNoFile()
    {
        await using var host = await InProcessWorker.StartAsync();
        host.Mount(LocalMount, host.UfsRoot);
        var fileId = InodeIds.ForContainer(6);
        var persist = new PersistFile { FileId = fileId, MountId = LocalMount, UfsPath = Path.Combine(host.UfsRoot, "never"), Length = 10, BlockSizeBytes = 10 };
        persist.Blocks.Add(new BlockInfo { BlockId = InodeIds.BlockId(fileId, 0), Length = 10 });

        host.Master.Commands.Enqueue(new WorkerCommand { Persist = new PersistCommand { Files = { persist } } });

        await host.Master.WaitUntilAsync(() => host.Master.Heartbeats.Any(h => h.PersistedFiles.Any(f => f.FileId == fileId)), Token);
        Assert.NotEqual("", host.Master.Heartbeats.SelectMany(h => h.PersistedFiles).Single(f => f.FileId == fileId).Error);
        Assert.Empty(Directory.GetFiles(host.UfsRoot));
    }

    [Fact]
    public async Task AWorkerWhoseMasterIsDownStillWritesAndReadsBlocksAndLogsTheOutageOnce()
    {
        await using var host = await InProcessWorker.StartAsync(masterUp: false);
        var content = TestContent.Bytes(10_000);

        var written = await host.Client.WriteAsync(new WriteRequestCommand { Type = RequestType.AlluxioBlock, Id = 51, SpaceToReserve = 10_000 }, content, 4096, Token);
        var read = await host.Client.ReadAsync(new ReadRequest { BlockId = 51 }, Token);

        Assert.Equal(content.Length, written.Offset);
        Assert.Equal(content, read);
        Assert.Null(host.Worker.WorkerId);

        // Nothing to wait on but the link's own attempts: poll them, with a deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (host.Worker.Link.FailedAttempts < 3)
        {
            await Task.Delay(20, deadline.Token);
        }

        Assert.Single(host.Logs.Records, r => r.Id.Id == 4100);
    }
}
