using Kodo.Protocol.Hashing;

namespace Kodo.Client.Tests;

/// <summary>Stat, list, delete, batch delete, copy, move and form upload against the emulator.</summary>
public sealed class ObjectOperationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutAsync_ThenStat_DescribesTheObject()
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(1000);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var put = await host.Client.PutAsync("dir/file.bin", content, Ct);
        var info = await host.Client.StatAsync("dir/file.bin", Ct);

        Assert.Equal(Qetag.Compute(content), put.Hash);
        Assert.Equal("dir/file.bin", put.Key);
        Assert.NotNull(info);
        Assert.Equal("dir/file.bin", info.Key);
        Assert.Equal(1000, info.Size);
        Assert.Equal(put.Hash, info.Hash);
#pragma warning disable CA5351 // Kodo's md5 field, not security.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(content)), info.Md5);
#pragma warning restore CA5351
        Assert.False(string.IsNullOrEmpty(info.MimeType));
        Assert.InRange(info.PutTime, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task StatAsync_MissingKey_ReturnsNull()
    {
        await using var host = await ClientHost.StartAsync();

        Assert.Null(await host.Client.StatAsync("missing", Ct));
    }

    [Fact]
    public async Task PutAsync_Empty_CreatesAnEmptyObject()
    {
        await using var host = await ClientHost.StartAsync();

        var put = await host.Client.PutAsync("dir/", ReadOnlyMemory<byte>.Empty, Ct);

        Assert.Equal(Qetag.Empty, put.Hash);
        Assert.Equal(0, (await host.Client.StatAsync("dir/", Ct))!.Size);
    }

    [Fact]
    public async Task PutAsync_Overwrites()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(10, 1), Ct);

        var second = await host.Client.PutAsync("k", TestContent.Bytes(20, 2), Ct);

        Assert.Equal(second.Hash, (await host.Client.StatAsync("k", Ct))!.Hash);
    }

    [Fact]
    public async Task ListAsync_WithDelimiter_FoldsDirectoriesAndPagesToTheEnd()
    {
        await using var host = await ClientHost.StartAsync();
        foreach (var key in new[] { "a/1", "a/2", "a/sub/x", "a/sub/y", "a/z/", "b/1", "top" })
        {
            await host.Client.PutAsync(key, new byte[] { 1 }, Ct);
        }

        var items = new List<string>();
        var prefixes = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await host.Client.ListAsync("a/", "/", marker, limit: 1, Ct);
            items.AddRange(page.Items.Select(i => i.Key));
            prefixes.AddRange(page.CommonPrefixes);
            marker = page.Marker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(["a/1", "a/2"], items);
        Assert.Equal(["a/sub/", "a/z/"], prefixes);
        Assert.True(pages > 2);
    }

    [Fact]
    public async Task ListAsync_Recursive_ReturnsEveryKeyWithItsSizeAndHash()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("x/1", TestContent.Bytes(3), Ct);
        await host.Client.PutAsync("x/deep/2", TestContent.Bytes(5), Ct);
        await host.Client.PutAsync("y", TestContent.Bytes(7), Ct);

        var page = await host.Client.ListAsync(prefix: "x/", cancellationToken: Ct);

        Assert.Null(page.Marker);
        Assert.True(page.IsLast);
        Assert.Empty(page.CommonPrefixes);
        Assert.Equal(["x/1", "x/deep/2"], page.Items.Select(i => i.Key));
        Assert.Equal([3L, 5L], page.Items.Select(i => i.Size));
        Assert.Equal(Qetag.Compute(TestContent.Bytes(3)), page.Items[0].Hash);
    }

    [Fact]
    public async Task ListAsync_EmptyBucket_ReturnsAnEmptyLastPage()
    {
        await using var host = await ClientHost.StartAsync();

        var page = await host.Client.ListAsync(cancellationToken: Ct);

        Assert.Empty(page.Items);
        Assert.Null(page.Marker);
    }

    [Fact]
    public async Task ListAsync_LimitOutOfRange_Throws()
    {
        await using var host = await ClientHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.ListAsync(limit: 0, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.ListAsync(limit: 1001, cancellationToken: Ct));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", new byte[] { 1 }, Ct);

        Assert.True(await host.Client.DeleteAsync("k", Ct));
        Assert.Null(await host.Client.StatAsync("k", Ct));
        Assert.False(await host.Client.DeleteAsync("k", Ct));
    }

    [Fact]
    public async Task DeleteManyAsync_ReportsDeletedAndMissingKeysInOrder()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("one", new byte[] { 1 }, Ct);
        await host.Client.PutAsync("three", new byte[] { 3 }, Ct);

        var results = await host.Client.DeleteManyAsync(["one", "two", "three"], Ct);

        Assert.Equal(["one", "two", "three"], results.Select(r => r.Key));
        Assert.True(results[0].Deleted);
        Assert.True(results[1].WasMissing);
        Assert.False(string.IsNullOrEmpty(results[1].Error));
        Assert.True(results[2].Deleted);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Empty((await host.Client.ListAsync(cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task DeleteManyAsync_MoreThanOneBatch_SplitsIntoChunksOf1000()
    {
        await using var host = await ClientHost.StartAsync();
        var keys = Enumerable.Range(0, 1003).Select(i => $"many/{i:D5}").ToList();
        foreach (var key in keys.Where((_, i) => i % 100 == 0))
        {
            await host.Client.PutAsync(key, new byte[] { 1 }, Ct);
        }

        var results = await host.Client.DeleteManyAsync(keys, Ct);

        Assert.Equal(1003, results.Count);
        Assert.Equal(11, results.Count(r => r.Deleted));
        Assert.Equal(1003 - 11, results.Count(r => r.WasMissing));
        Assert.Equal(2, await host.CounterAsync("rs.batch"));
        Assert.Empty((await host.Client.ListAsync(cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task DeleteManyAsync_NoKeys_SendsNothing()
    {
        await using var host = await ClientHost.StartAsync();

        Assert.Empty(await host.Client.DeleteManyAsync([], Ct));
        Assert.Equal(0, await host.CounterAsync("rs.batch"));
    }

    [Fact]
    public async Task CopyAsync_ToNewKey_CopiesAndKeepsTheSource()
    {
        await using var host = await ClientHost.StartAsync();
        var put = await host.Client.PutAsync("src", TestContent.Bytes(100), Ct);

        Assert.True(await host.Client.CopyAsync("src", "dst", cancellationToken: Ct));

        Assert.Equal(put.Hash, (await host.Client.StatAsync("dst", Ct))!.Hash);
        Assert.NotNull(await host.Client.StatAsync("src", Ct));
    }

    [Fact]
    public async Task CopyAsync_OntoExisting_ReturnsFalseUnlessForced()
    {
        await using var host = await ClientHost.StartAsync();
        var source = await host.Client.PutAsync("src", TestContent.Bytes(100, 1), Ct);
        var existing = await host.Client.PutAsync("dst", TestContent.Bytes(100, 2), Ct);

        Assert.False(await host.Client.CopyAsync("src", "dst", force: false, Ct));
        Assert.Equal(existing.Hash, (await host.Client.StatAsync("dst", Ct))!.Hash);
        Assert.True(await host.Client.CopyAsync("src", "dst", force: true, Ct));
        Assert.Equal(source.Hash, (await host.Client.StatAsync("dst", Ct))!.Hash);
    }

    [Fact]
    public async Task CopyAsync_MissingSource_ThrowsNotFound()
    {
        await using var host = await ClientHost.StartAsync();

        var error = await Assert.ThrowsAsync<KodoException>(() => host.Client.CopyAsync("missing", "dst", cancellationToken: Ct));

        Assert.True(error.IsNotFound);
        Assert.Equal(612, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.NotNull(error.ReqId);
        Assert.Equal(1, await host.CounterAsync("rs.copy"));
    }

    [Fact]
    public async Task MoveAsync_MovesAndRefusesAnExistingDestinationUnlessForced()
    {
        await using var host = await ClientHost.StartAsync();
        var put = await host.Client.PutAsync("a", TestContent.Bytes(10, 1), Ct);
        await host.Client.PutAsync("b", TestContent.Bytes(10, 2), Ct);

        Assert.True(await host.Client.MoveAsync("a", "c", cancellationToken: Ct));
        Assert.Null(await host.Client.StatAsync("a", Ct));
        Assert.Equal(put.Hash, (await host.Client.StatAsync("c", Ct))!.Hash);
        Assert.False(await host.Client.MoveAsync("c", "b", cancellationToken: Ct));
        Assert.NotNull(await host.Client.StatAsync("c", Ct));
        Assert.True(await host.Client.MoveAsync("c", "b", force: true, Ct));
        Assert.Equal(put.Hash, (await host.Client.StatAsync("b", Ct))!.Hash);
        var missing = await Assert.ThrowsAsync<KodoException>(() => host.Client.MoveAsync("a", "d", cancellationToken: Ct));
        Assert.True(missing.IsNotFound);
    }

    [Fact]
    public async Task Operations_OnAMissingBucket_FailWith631()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { Bucket = "nope", DownloadHost = "nope.example" });

        var error = await Assert.ThrowsAsync<KodoException>(() => client.ListAsync(cancellationToken: Ct));

        Assert.Equal(631, error.StatusCode);
        Assert.False(error.IsNotFound);
    }
}
