using Alluxio.Errors;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker.Tests;

public sealed class BlockLifecycleTests : IDisposable
{
    private readonly StoreFolders _folders = new();

    private static CancellationToken Token => StoreFolders.Token;

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task ACommittedBlockIsReadUnderALeaseAndRemoved()
    {
        var store = await _folders.OpenAsync(_folders.Options([1000]));
        var removed = new List<BlockRemovedEventArgs>();
        store.BlockRemoved += (_, e) => removed.Add(e);

        var temp = await store.CreateTempBlockAsync(7, 42, 100, Token);
        Assert.Contains($"{Path.DirectorySeparatorChar}.tmp_blocks{Path.DirectorySeparatorChar}", temp.Path, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(temp.Path, StoreFolders.Content(42, 100), Token);
        var info = await store.CommitBlockAsync(7, 42, Token);

        Assert.Equal(new BlockInfo(42, 100, "MEM", _folders.Options([1000]).Tiers[0].Dirs[0].DataPath), info);
        Assert.False(File.Exists(temp.Path));
        using (var lease = store.AcquireReadLease(42))
        {
            Assert.Equal(Path.Combine(info.DirPath, "42"), lease.Path);
            await using var stream = lease.OpenRead();
            var read = new byte[200];
            var count = await stream.ReadAtLeastAsync(read, 200, throwOnEndOfStream: false, Token);
            Assert.Equal(StoreFolders.Content(42, 100), read[..count]);
        }

        Assert.True(await store.RemoveBlockAsync(42, Token));
        Assert.Null(store.FindBlock(42));
        Assert.False(File.Exists(Path.Combine(info.DirPath, "42")));
        Assert.Equal(0, store.GetReport()[0].UsedBytes);
        var e = Assert.Single(removed);
        Assert.Equal((42L, "MEM", BlockRemovalReason.Removed), (e.BlockId, e.TierAlias, e.Reason));
        Assert.False(await store.RemoveBlockAsync(42, Token));
    }

    [Fact]
    public async Task CommitFitsTheReservationToTheFileAndAbortReturnsIt()
    {
        var store = await _folders.OpenAsync(_folders.Options([1000]));

        var temp = await store.CreateTempBlockAsync(1, 1, 300, Token);
        await store.RequestSpaceAsync(1, 1, 200, Token);
        Assert.Equal(500, store.GetReport()[0].UsedBytes);
        await File.WriteAllBytesAsync(temp.Path, StoreFolders.Content(1, 120), Token);
        var info = await store.CommitBlockAsync(1, 1, Token);
        Assert.Equal(120, info.Length);
        Assert.Equal(120, store.GetReport()[0].UsedBytes);

        var aborted = await store.CreateTempBlockAsync(2, 2, 400, Token);
        Assert.Equal(520, store.GetReport()[0].UsedBytes);
        await store.AbortBlockAsync(2, 2, Token);
        Assert.False(File.Exists(aborted.Path));
        Assert.Equal(120, store.GetReport()[0].UsedBytes);
        Assert.Null(store.FindBlock(2));
    }

    [Fact]
    public async Task ABlockIdIsWrittenOnceAndOnlyByItsSession()
    {
        var store = await _folders.OpenAsync(_folders.Options([1000]));
        await store.CreateTempBlockAsync(1, 5, 10, Token);

        var twice = await Assert.ThrowsAsync<AlluxioException>(() => store.CreateTempBlockAsync(2, 5, 10, Token));
        Assert.Equal(ErrorType.FileAlreadyExists, twice.ErrorType);
        var otherSession = await Assert.ThrowsAsync<AlluxioException>(() => store.CommitBlockAsync(2, 5, Token));
        Assert.Equal(ErrorType.FileDoesNotExist, otherSession.ErrorType);

        await store.CommitBlockAsync(1, 5, Token);
        var committed = await Assert.ThrowsAsync<AlluxioException>(() => store.CreateTempBlockAsync(1, 5, 10, Token));
        Assert.Equal(ErrorType.FileAlreadyExists, committed.ErrorType);
    }

    [Fact]
    public async Task QuotaIsRespectedWhileBlocksAreBeingWritten()
    {
        var store = await _folders.OpenAsync(_folders.Options([100]));
        await store.CreateTempBlockAsync(1, 1, 60, Token);

        var error = await Assert.ThrowsAsync<AlluxioException>(() => store.CreateTempBlockAsync(1, 2, 60, Token));

        Assert.Equal(ErrorType.ResourceExhausted, error.ErrorType);
        Assert.Equal(60, store.GetReport()[0].UsedBytes);
        Assert.Equal(100, store.GetReport()[0].Capacity);
    }

    [Fact]
    public async Task MaxFreePicksTheFolderWithTheMostRoomInTheHighestTierThatFits()
    {
        var options = _folders.Options([100, 200], [1000]);
        var store = await _folders.OpenAsync(options);
        var small = options.Tiers[0].Dirs[0].DataPath;
        var large = options.Tiers[0].Dirs[1].DataPath;

        Assert.Equal(large, (await StoreFolders.WriteBlockAsync(store, 1, 150)).DirPath);
        Assert.Equal(small, (await StoreFolders.WriteBlockAsync(store, 2, 10)).DirPath);
        Assert.Equal(small, (await StoreFolders.WriteBlockAsync(store, 3, 80)).DirPath);
        var fallback = await StoreFolders.WriteBlockAsync(store, 4, 60);

        Assert.Equal(("SSD", options.Tiers[1].Dirs[0].DataPath), (fallback.TierAlias, fallback.DirPath));
        Assert.Equal([1L, 2, 3, 4], store.GetReport().SelectMany(t => t.Dirs).SelectMany(d => d.Blocks).Select(b => b.BlockId).Order());
        Assert.Equal([240L, 60], store.GetReport().Select(t => t.UsedBytes));
    }

    [Fact]
    public async Task ConcurrentWritersOfDifferentBlocksAllCommit()
    {
        var store = await _folders.OpenAsync(_folders.Options([10_000, 10_000]));
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(1, 16).Select(id => Task.Run(
            async () =>
            {
                await barrier.Task;
                await StoreFolders.WriteBlockAsync(store, id, 100 + id, sessionId: id);
            },
            Token)).ToList();
        barrier.SetResult();
        await Task.WhenAll(writers);

        var blocks = store.GetReport().SelectMany(t => t.Dirs).SelectMany(d => d.Blocks).ToList();
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i), blocks.Select(b => b.BlockId).Order());
        Assert.Equal(blocks.Sum(b => b.Length), store.GetReport()[0].UsedBytes);
        foreach (var block in blocks)
        {
            Assert.Equal(StoreFolders.Content(block.BlockId, (int)block.Length), await File.ReadAllBytesAsync(Path.Combine(block.DirPath, block.BlockId.ToString(System.Globalization.CultureInfo.InvariantCulture)), Token));
        }
    }
}
