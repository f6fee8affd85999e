using Alluxio.Master.Locking;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

public sealed class PathLockManagerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/a", "/a", true)]
    [InlineData("/a", "/a/b", true)]
    [InlineData("/a/b", "/a", true)]
    [InlineData("/", "/x", true)]
    [InlineData("/a", "/ab", false)]
    [InlineData("/a/b", "/a/c", false)]
    public void SubtreesOverlapWhenOneHoldsTheOther(string x, string y, bool overlaps) =>
        Assert.Equal(overlaps, PathLockManager.Overlaps(x, y));

    [Fact]
    public async Task DisjointPathsLockTogetherAndOverlappingOnesWait()
    {
        var locks = new PathLockManager();
        using var a = await locks.LockAsync(AlluxioUri.Parse("/a"), Token);
        using var b = await locks.LockAsync(AlluxioUri.Parse("/b"), Token);

        var below = locks.LockAsync(AlluxioUri.Parse("/a/x"), Token).AsTask();
        Assert.False(below.IsCompleted);

        a.Dispose();
        using var granted = await below;
        Assert.Equal(2, locks.HeldCount);
    }

    [Fact]
    public async Task WaitersAreServedInArrivalOrder()
    {
        var locks = new PathLockManager();
        var first = await locks.LockAsync(AlluxioUri.Parse("/a"), Token);
        var whole = locks.LockAsync(AlluxioUri.Root, Token).AsTask();
        var later = locks.LockAsync(AlluxioUri.Parse("/b"), Token).AsTask();

        // /b is free, but the earlier waiter for / covers it: it must not be overtaken.
        Assert.False(later.IsCompleted);
        first.Dispose();
        var root = await whole;
        Assert.False(later.IsCompleted);
        root.Dispose();
        (await later).Dispose();
        Assert.Equal(0, locks.HeldCount);
    }

    [Fact]
    public async Task ACanceledWaiterLeavesTheQueue()
    {
        var locks = new PathLockManager();
        var held = await locks.LockAsync(AlluxioUri.Parse("/a"), Token);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.LockAsync(AlluxioUri.Parse("/a"), cancel.Token).AsTask();
        var next = locks.LockAsync(AlluxioUri.Parse("/a/b"), Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        (await next).Dispose();
        Assert.Equal(0, locks.HeldCount);
    }

    [Fact]
    public async Task ARenameTakesBothPathsAtOnce()
    {
        var locks = new PathLockManager();
        var rename = await locks.LockAsync([AlluxioUri.Parse("/src"), AlluxioUri.Parse("/dst")], Token);
        var onDestination = locks.LockAsync(AlluxioUri.Parse("/dst/x"), Token).AsTask();
        Assert.False(onDestination.IsCompleted);
        rename.Dispose();
        (await onDestination).Dispose();
    }
}
