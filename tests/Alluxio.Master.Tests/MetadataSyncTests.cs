using Alluxio.Errors;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

public sealed class MetadataSyncTests
{
    private static readonly CallContext s_never = CallContext.Default with { LoadType = MetadataLoadType.Never };
    private static readonly CallContext s_always = CallContext.Default with { LoadType = MetadataLoadType.Always };
    private static readonly CallContext s_syncAlways = CallContext.Default with { SyncIntervalMs = 0 };

    [Fact]
    public async Task OnceLoadsAPathAddedToTheUfs()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        Directory.CreateDirectory(ns.UfsPath("/data/sub"));
        await File.WriteAllTextAsync(ns.UfsPath("/data/sub/f.txt"), "hello", NamespaceFixture.Token);

        var info = await ns.StatAsync("/data/sub/f.txt");

        Assert.Equal(5, info.Length);
        Assert.True(info.Persisted);
        Assert.True(info.Completed);
        Assert.True((await ns.StatAsync("/data")).Folder);
    }

    [Fact]
    public async Task NeverLoadsNothing()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await File.WriteAllTextAsync(ns.UfsPath("/f"), "x", NamespaceFixture.Token);

        var e = await Assert.ThrowsAsync<AlluxioException>(() => ns.StatAsync("/f", s_never));
        Assert.Equal(ErrorType.FileDoesNotExist, e.ErrorType);
    }

    [Fact]
    public async Task OnceDoesNotLookAgainAfterTheDirectoryWasListedButAlwaysDoes()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        Assert.Empty(await ns.ListAsync("/"));
        await File.WriteAllTextAsync(ns.UfsPath("/late"), "x", NamespaceFixture.Token);

        await Assert.ThrowsAsync<AlluxioException>(() => ns.StatAsync("/late"));
        Assert.Equal(1, (await ns.StatAsync("/late", s_always)).Length);
    }

    [Fact]
    public async Task ListingLoadsADirectoryOnceAndRecursiveListingLoadsTheSubtree()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        Directory.CreateDirectory(ns.UfsPath("/t/a/b"));
        await File.WriteAllTextAsync(ns.UfsPath("/t/a/b/f"), "12", NamespaceFixture.Token);
        await File.WriteAllTextAsync(ns.UfsPath("/t/g"), "1", NamespaceFixture.Token);

        var top = await ns.ListAsync("/t");
        Assert.Equal(["/t/a", "/t/g"], top.Select(i => i.Path));

        var all = await ns.ListAsync("/t", recursive: true);
        Assert.Equal(["/t/a", "/t/a/b", "/t/a/b/f", "/t/g"], all.Select(i => i.Path));
    }

    [Fact]
    public async Task SyncSeesAddedChangedAndRemovedPaths()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        Directory.CreateDirectory(ns.UfsPath("/s"));
        await File.WriteAllTextAsync(ns.UfsPath("/s/keep"), "same", NamespaceFixture.Token);
        await File.WriteAllTextAsync(ns.UfsPath("/s/change"), "old", NamespaceFixture.Token);
        await File.WriteAllTextAsync(ns.UfsPath("/s/remove"), "gone soon", NamespaceFixture.Token);
        var before = (await ns.ListAsync("/s")).ToDictionary(i => i.Name);

        await File.WriteAllTextAsync(ns.UfsPath("/s/change"), "new content", NamespaceFixture.Token);
        File.Delete(ns.UfsPath("/s/remove"));
        await File.WriteAllTextAsync(ns.UfsPath("/s/added"), "+", NamespaceFixture.Token);

        // Without a sync interval the namespace keeps what it loaded.
        Assert.Equal(["change", "keep", "remove"], (await ns.ListAsync("/s")).Select(i => i.Name));

        var after = (await ns.ListAsync("/s", call: s_syncAlways)).ToDictionary(i => i.Name);
        Assert.Equal(["added", "change", "keep"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before["keep"].FileId, after["keep"].FileId);
        Assert.NotEqual(before["change"].FileId, after["change"].FileId);
        Assert.Equal(11, after["change"].Length);
    }

    [Fact]
    public async Task RecursiveSyncReachesDeepPathsAndKeepsAlluxioOnlyFiles()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        Directory.CreateDirectory(ns.UfsPath("/r/x/y"));
        await ns.ListAsync("/r", recursive: true);
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/r/cached"), new Grpc.CreateDirectoryPOptions { WriteType = Grpc.WritePType.MustCache }, CallContext.Default, NamespaceFixture.Token);
        await File.WriteAllTextAsync(ns.UfsPath("/r/x/y/deep"), "d", NamespaceFixture.Token);

        var all = await ns.ListAsync("/r", recursive: true, call: s_syncAlways);

        Assert.Contains(all, i => i.Path == "/r/x/y/deep");
        Assert.Contains(all, i => i.Path == "/r/cached");
    }

    [Fact]
    public async Task GetStatusWithASyncIntervalNoticesADeletedFile()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await File.WriteAllTextAsync(ns.UfsPath("/f"), "x", NamespaceFixture.Token);
        await ns.StatAsync("/f");
        File.Delete(ns.UfsPath("/f"));

        Assert.NotNull(await ns.StatAsync("/f"));
        await Assert.ThrowsAsync<AlluxioException>(() => ns.StatAsync("/f", s_syncAlways));
    }

    [Fact]
    public async Task AGetStatusOfADirectoryDoesNotStandInForTheSyncOfItsListing()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var ns = await NamespaceFixture.StartAsync(time);
        var everySecond = CallContext.Default with { SyncIntervalMs = 1000 };
        Directory.CreateDirectory(ns.UfsPath("/d"));
        await File.WriteAllTextAsync(ns.UfsPath("/d/first"), "1", NamespaceFixture.Token);
        Assert.Equal(["first"], (await ns.ListAsync("/d", call: everySecond)).Select(i => i.Name));

        await File.WriteAllTextAsync(ns.UfsPath("/d/second"), "2", NamespaceFixture.Token);
        time.Advance(TimeSpan.FromSeconds(2));
        await ns.StatAsync("/d", everySecond);

        // The getStatus synced /d itself, not its children: the listing right after still looks at the UFS.
        Assert.Equal(["first", "second"], (await ns.ListAsync("/d", call: everySecond)).Select(i => i.Name).Order(StringComparer.Ordinal));
    }
}
