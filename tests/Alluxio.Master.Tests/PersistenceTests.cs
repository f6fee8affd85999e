using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

/// <summary>ASYNC_THROUGH files are persisted by the worker holding their blocks, on the master's schedule.</summary>
public sealed class PersistenceTests
{
    private const int Length = 2500;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAsyncThroughFileIsPersistedByTheWorkerHoldingItsBlocks()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var (worker, fileId) = await WriteAsyncThroughAsync(fixture, "/out/f");
        Assert.Equal("TO_BE_PERSISTED", (await fixture.StatAsync("/out/f")).PersistenceState);

        await fixture.Master.Persistence.ScheduleOnceAsync(Token);
        var command = Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync()));
        Assert.Equal((fileId, Length, (long)BlockFixture.BlockSize), (command.FileId, command.Length, command.BlockSizeBytes));
        Assert.Equal(fixture.UfsPath("/out/f"), command.UfsPath);
        Assert.Equal(3, command.Blocks.Count);
        Assert.All(command.Blocks, b => Assert.Equal(worker.Id, Assert.Single(b.Locations).WorkerId));

        // Sent once: no second command while the first is out.
        await fixture.Master.Persistence.ScheduleOnceAsync(Token);
        Assert.Empty(TestWorker.PersistFiles(await worker.HeartbeatAsync()));

        fixture.WriteUfs("/out/f", Length);
        await worker.HeartbeatAsync(persisted: [new PersistedFile { FileId = fileId }]);

        var stat = await fixture.StatAsync("/out/f");
        Assert.Equal("PERSISTED", stat.PersistenceState);
        Assert.Contains("CONTENT_HASH", stat.UfsFingerprint, StringComparison.Ordinal);
        await fixture.Master.Persistence.ScheduleOnceAsync(Token);
        Assert.Empty(TestWorker.PersistFiles(await worker.HeartbeatAsync()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APersistOutstandingAcrossAMasterRestartStillCompletes(bool sentAgain)
    {
        await using var fixture = await BlockFixture.StartAsync(journaled: true);
        var (worker, fileId) = await WriteAsyncThroughAsync(fixture, "/f");
        await fixture.Master.Persistence.ScheduleOnceAsync(Token);
        Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync()));

        await fixture.RestartAsync();
        worker.Master = fixture.Master.Blocks;
        Assert.True(TestWorker.AsksToRegister(await worker.HeartbeatAsync()));
        await worker.RegisterAsync();
        if (sentAgain)
        {
            // The waiting file comes back from the journal, and the worker holding its blocks is told again.
            await fixture.Master.Persistence.ScheduleOnceAsync(Token);
            Assert.Equal(fileId, Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync())).FileId);
        }

        fixture.WriteUfs("/f", Length);
        await worker.HeartbeatAsync(persisted: [new PersistedFile { FileId = fileId }]);
        Assert.Equal("PERSISTED", (await fixture.StatAsync("/f")).PersistenceState);
    }

    [Fact]
    public async Task AFailedPersistIsRetriedAfterABackoffAndGivenUpInTheEnd()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var (worker, fileId) = await WriteAsyncThroughAsync(fixture, "/f");
        var persistence = fixture.Master.Persistence;
        await persistence.ScheduleOnceAsync(Token);
        Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync()));

        await worker.HeartbeatAsync(persisted: [new PersistedFile { FileId = fileId, Error = "The UFS refused the upload." }]);
        await persistence.ScheduleOnceAsync(Token);
        Assert.Empty(TestWorker.PersistFiles(await worker.HeartbeatAsync()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await persistence.ScheduleOnceAsync(Token);
        Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync()));

        // A success the UFS does not bear out (nothing was written) is a failure too.
        await worker.HeartbeatAsync(persisted: [new PersistedFile { FileId = fileId }]);
        Assert.Equal("TO_BE_PERSISTED", (await fixture.StatAsync("/f")).PersistenceState);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await persistence.ScheduleOnceAsync(Token);
        Assert.Equal("NOT_PERSISTED", (await fixture.StatAsync("/f")).PersistenceState);
        Assert.Contains(fixture.Logs.Records, r => r.Message.Contains("Gave up persisting /f", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportForAFileRenamedMeanwhileIsIgnoredAndTheFileSentAgain()
    {
        await using var fixture = await BlockFixture.StartAsync();
        var (worker, fileId) = await WriteAsyncThroughAsync(fixture, "/a");
        await fixture.Master.Persistence.ScheduleOnceAsync(Token);
        Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync()));

        await fixture.Master.RenameAsync(AlluxioUri.Parse("/a"), AlluxioUri.Parse("/b"), CallContext.Default, Token);
        fixture.WriteUfs("/a", Length);
        await worker.HeartbeatAsync(persisted: [new PersistedFile { FileId = fileId }]);
        Assert.Equal("TO_BE_PERSISTED", (await fixture.StatAsync("/b")).PersistenceState);

        await fixture.Master.Persistence.ScheduleOnceAsync(Token);
        Assert.Equal(fixture.UfsPath("/b"), Assert.Single(TestWorker.PersistFiles(await worker.HeartbeatAsync())).UfsPath);
    }

    /// <summary>Writes an ASYNC_THROUGH file as a client would: blocks committed to one worker, then completed.</summary>
    private static async Task<(TestWorker Worker, long FileId)> WriteAsyncThroughAsync(BlockFixture fixture, string path)
    {
        var worker = new TestWorker(fixture.Master.Blocks);
        await worker.RegisterAsync();
        var uri = AlluxioUri.Parse(path);
        var options = new CreateFilePOptions { WriteType = WritePType.AsyncThrough, BlockSizeBytes = BlockFixture.BlockSize, Recursive = true };
        var file = await fixture.Master.CreateFileAsync(uri, options, CallContext.Default, Token);
        for (var offset = 0L; offset < Length; offset += BlockFixture.BlockSize)
        {
            await worker.CommitAsync(InodeIds.BlockId(file.FileId, offset / BlockFixture.BlockSize), Math.Min(BlockFixture.BlockSize, Length - offset));
        }

        await fixture.Master.CompleteFileAsync(uri, new CompleteFilePOptions { UfsLength = Length }, CallContext.Default, Token);
        return (worker, file.FileId);
    }
}
