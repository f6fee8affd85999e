using Alluxio.Errors;
using Alluxio.Ids;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker.Tests;

public sealed class EvictionTests : IDisposable
{
    private readonly StoreFolders _folders = new();

    private static CancellationToken Token => StoreFolders.Token;

    public void Dispose() => _folders.Dispose();

    private async Task<(TieredBlockStore Store, List<long> Evicted)> OpenWithThreeBlocksAsync()
    {
        var store = await _folders.OpenAsync(_folders.Options([300]));
        var evicted = new List<long>();
        store.BlockRemoved += (_, e) =>
        {
            if (e.Reason == BlockRemovalReason.Evicted)
            {
                evicted.Add(e.BlockId);
            }
        };
        for (var id = 1; id <= 3; id++)
        {
            await StoreFolders.WriteBlockAsync(store, id, 100);
        }

        return (store, evicted);
    }

    [Fact]
    public async Task TheLeastRecentlyUsedBlockIsEvictedAndAReadCountsAsUse()
    {
        var (store, evicted) = await OpenWithThreeBlocksAsync();
        store.AcquireReadLease(1).Dispose();

        await StoreFolders.WriteBlockAsync(store, 4, 100);
        Assert.Equal([2L], evicted);
        await StoreFolders.WriteBlockAsync(store, 5, 100);
        Assert.Equal([2L, 3], evicted);
        await StoreFolders.WriteBlockAsync(store, 6, 100);
        Assert.Equal([2L, 3, 1], evicted);

        Assert.Equal([4L, 5, 6], store.GetReport()[0].Dirs[0].Blocks.Select(b => b.BlockId));
        Assert.All([1L, 2, 3], id => Assert.False(File.Exists(Path.Combine(store.GetReport()[0].Dirs[0].Path, $"{id}"))));
        Assert.Equal(300, store.GetReport()[0].UsedBytes);
    }

    [Fact]
    public async Task RequestSpaceEvictsFromTheBlocksFolder()
    {
        var (store, evicted) = await OpenWithThreeBlocksAsync();
        await StoreFolders.WriteBlockAsync(store, 4, 0);
        Assert.Empty(evicted);

        var temp = await store.CreateTempBlockAsync(9, 10, 0, Token);
        await store.RequestSpaceAsync(9, 10, 150, Token);
        Assert.Equal([1L, 2], evicted);
        await File.WriteAllBytesAsync(temp.Path, StoreFolders.Content(10, 150), Token);
        await store.CommitBlockAsync(9, 10, Token);
        Assert.Equal(250, store.GetReport()[0].UsedBytes);
    }

    [Fact]
    public async Task PinnedAndLeasedBlocksSurviveAndAWriteThatCannotFitFailsSayingWhy()
    {
        var (store, evicted) = await OpenWithThreeBlocksAsync();
        store.SetPinnedBlocks([1]);
        using var lease = store.AcquireReadLease(2);

        await StoreFolders.WriteBlockAsync(store, 4, 100);
        Assert.Equal([3L], evicted);

        store.SetPinnedBlocks([1, 4]);
        var error = await Assert.ThrowsAsync<AlluxioException>(() => store.CreateTempBlockAsync(1, 5, 50, Token));

        Assert.Equal(ErrorType.ResourceExhausted, error.ErrorType);
        Assert.Equal(
            "Cannot reserve 50 bytes for block 5 in tier MEM or below: at most 0 bytes are free in one of its folders and the other blocks are pinned or being read.",
            error.Message);
        Assert.Equal([3L], evicted);
        Assert.Equal([1L, 2, 4], store.GetReport()[0].Dirs[0].Blocks.Select(b => b.BlockId));
        Assert.Null(store.FindBlock(5));
    }

    [Fact]
    public async Task BlocksOfAPinnedFileSurviveUntilTheFileIsUnpinned()
    {
        var store = await _folders.OpenAsync(_folders.Options([300]));
        var evicted = new List<long>();
        store.BlockRemoved += (_, e) => evicted.Add(e.BlockId);
        long pinnedFile = InodeIds.ForContainer(7), otherFile = InodeIds.ForContainer(8);
        await StoreFolders.WriteBlockAsync(store, InodeIds.BlockId(pinnedFile, 0), 100);
        await StoreFolders.WriteBlockAsync(store, InodeIds.BlockId(pinnedFile, 1), 100);
        await StoreFolders.WriteBlockAsync(store, InodeIds.BlockId(otherFile, 0), 100);
        store.SetPinnedFiles([pinnedFile]);
        Assert.Equal(1, store.PinnedFileCount);

        // The pinned file's blocks are the least recently used, yet the other file's block goes.
        await StoreFolders.WriteBlockAsync(store, InodeIds.BlockId(otherFile, 1), 100);
        Assert.Equal([InodeIds.BlockId(otherFile, 0)], evicted);

        store.SetPinnedFiles([]);
        await StoreFolders.WriteBlockAsync(store, InodeIds.BlockId(otherFile, 2), 100);
        Assert.Equal([InodeIds.BlockId(otherFile, 0), InodeIds.BlockId(pinnedFile, 0)], evicted);
    }

    [Fact]
    public async Task AGrowingWriteThatCannotFitFailsNamingTierNeededAndFreeBytes()
    {
        var (store, _) = await OpenWithThreeBlocksAsync();
        store.SetPinnedBlocks([1, 2, 3]);
        await store.RemoveBlockAsync(3, Token);
        await store.CreateTempBlockAsync(1, 4, 40, Token);

        var error = await Assert.ThrowsAsync<AlluxioException>(() => store.RequestSpaceAsync(1, 4, 100, Token));

        Assert.Equal(ErrorType.ResourceExhausted, error.ErrorType);
        Assert.StartsWith("Cannot reserve 100 bytes in tier MEM (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("only 60 bytes are free and the other blocks are pinned or being read.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovalWaitsForTheReadLeaseAndRefusesNewOnes()
    {
        var (store, _) = await OpenWithThreeBlocksAsync();
        var lease = store.AcquireReadLease(1);

        var removal = store.RemoveBlockAsync(1, Token);
        Assert.False(removal.IsCompleted);
        var refused = Assert.Throws<AlluxioException>(() => store.AcquireReadLease(1));
        Assert.Equal(ErrorType.FileDoesNotExist, refused.ErrorType);
        Assert.True(File.Exists(lease.Path));

        lease.Dispose();
        Assert.True(await removal);
        Assert.False(File.Exists(lease.Path));
        Assert.Null(store.FindBlock(1));
    }

    [Fact]
    public async Task ACancelledRemovalLeavesTheBlockReadable()
    {
        var (store, _) = await OpenWithThreeBlocksAsync();
        using var lease = store.AcquireReadLease(1);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var removal = store.RemoveBlockAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => removal);
        store.AcquireReadLease(1).Dispose();
        Assert.NotNull(store.FindBlock(1));
    }
}
