using System.Text;
using System.Text.Json;

namespace Kodo.Emulator.Tests;

/// <summary>list v1 (§4.6): items always an array, prefix, delimiter, scan-counted limit, opaque marker, byte order.</summary>
public sealed class ListTests
{
    private const string Bucket = EmulatorHost.Bucket;

    /// <summary>UTF-8 byte order, the order Kodo lists keys in.</summary>
    private static readonly Comparer<string> s_utf8Order = Comparer<string>.Create(
        (x, y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_EmptyResult_HasAnEmptyItemsArrayAndNoMarker(bool post)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var empty = await host.Kodo.ListAsync(Bucket, post: post);
        var body = await KodoAssert.JsonAsync(empty, 200);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("items").ValueKind);
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Equal("", body.GetProperty("marker").GetString());
        Assert.False(body.TryGetProperty("commonPrefixes", out _));

        await host.Kodo.UploadAsync(Bucket, "a", [1]);
        using var unmatched = await host.Kodo.ListAsync(Bucket, prefix: "zzz", post: post);
        var none = await KodoAssert.JsonAsync(unmatched, 200);
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        Assert.Equal("", none.GetProperty("marker").GetString());
    }

    [Fact]
    public async Task List_EmptyParameters_AsNodeSendsThem_MeanUnset()
    {
        await using var host = await EmulatorHost.StartAsync();
        await PopulateAsync(host, ["a/b", "c"]);

        using var response = await host.Kodo.ListAsync(Bucket, prefix: "", delimiter: "", marker: "", post: true);
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal(["a/b", "c"], Keys(body));
        Assert.False(body.TryGetProperty("commonPrefixes", out _));
        Assert.Equal("", body.GetProperty("marker").GetString());
    }

    [Fact]
    public async Task List_Prefix_ReturnsOnlyKeysStartingWithIt()
    {
        await using var host = await EmulatorHost.StartAsync();
        await PopulateAsync(host, ["dir", "dir/a", "dir/b/c", "dir0", "dis", "other/dir/x"]);

        using var response = await host.Kodo.ListAsync(Bucket, prefix: "dir/");
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal(["dir/a", "dir/b/c"], Keys(body));
        Assert.Equal("", body.GetProperty("marker").GetString());
        var item = body.GetProperty("items")[0];
        Assert.Equal(1, item.GetProperty("fsize").GetInt64());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("hash").GetString()));
        Assert.True(item.GetProperty("putTime").GetInt64() > 0);
    }

    [Fact]
    public async Task List_Delimiter_FoldsKeysIntoCommonPrefixes()
    {
        await using var host = await EmulatorHost.StartAsync();
        await PopulateAsync(host, ["a.txt", "dir/", "dir/a", "dir/b/c", "dir/b/d", "dir/e/f/g", "dir/z", "top/x", "zz"]);

        using var root = await host.Kodo.ListAsync(Bucket, delimiter: "/");
        var rootBody = await KodoAssert.JsonAsync(root, 200);
        Assert.Equal(["a.txt", "zz"], Keys(rootBody));
        Assert.Equal(["dir/", "top/"], Prefixes(rootBody));

        using var dir = await host.Kodo.ListAsync(Bucket, prefix: "dir/", delimiter: "/");
        var dirBody = await KodoAssert.JsonAsync(dir, 200);
        Assert.Equal(["dir/", "dir/a", "dir/z"], Keys(dirBody));
        Assert.Equal(["dir/b/", "dir/e/"], Prefixes(dirBody));
        Assert.Equal("", dirBody.GetProperty("marker").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task List_Paging_WithoutDelimiter_ReturnsEveryKeyOnceInOrder(int limit)
    {
        await using var host = await EmulatorHost.StartAsync();
        var keys = ManyKeys();
        await PopulateAsync(host, keys);

        var pages = await ListAllAsync(host, prefix: null, delimiter: null, limit);

        var listed = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(keys.Order(s_utf8Order), listed);
        Assert.All(pages, p => Assert.InRange(p.Items.Count, 0, limit));
        Assert.All(pages[..^1], p => Assert.NotEqual("", p.Marker));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(1000)]
    public async Task List_Paging_WithDelimiter_ReturnsEveryItemAndPrefixOnce(int limit)
    {
        await using var host = await EmulatorHost.StartAsync();
        var keys = ManyKeys();
        await PopulateAsync(host, keys);

        var rootPages = await ListAllAsync(host, prefix: null, delimiter: "/", limit);
        Assert.Equal(keys.Where(k => !k.Contains('/', StringComparison.Ordinal)).Order(s_utf8Order), rootPages.SelectMany(p => p.Items));
        Assert.Equal(
            keys.Where(k => k.Contains('/', StringComparison.Ordinal)).Select(k => k[..(k.IndexOf('/', StringComparison.Ordinal) + 1)]).Distinct().Order(s_utf8Order),
            rootPages.SelectMany(p => p.Prefixes));
        Assert.All(rootPages, p => Assert.InRange(p.Items.Count + p.Prefixes.Count, 0, limit));

        var dirPages = await ListAllAsync(host, prefix: "dir/", delimiter: "/", limit);
        Assert.Equal(
            keys.Where(k => k.StartsWith("dir/", StringComparison.Ordinal) && !k[4..].Contains('/', StringComparison.Ordinal)).Order(s_utf8Order),
            dirPages.SelectMany(p => p.Items));
        Assert.Equal(["dir/sub/"], dirPages.SelectMany(p => p.Prefixes));
    }

    [Fact]
    public async Task List_Limit_CountsScannedKeys_SoAPageMayHoldNoItemsButAMarker()
    {
        await using var host = await EmulatorHost.StartAsync();
        await PopulateAsync(host, [.. Enumerable.Range(0, 25).Select(i => $"a/{i:D2}"), "b"]);

        var pages = await ListAllAsync(host, prefix: null, delimiter: "/", limit: 10);

        Assert.Equal(3, pages.Count);
        Assert.Empty(pages[0].Items);
        Assert.Equal(["a/"], pages[0].Prefixes);
        Assert.NotEqual("", pages[0].Marker);
        Assert.Empty(pages[1].Items);
        Assert.Empty(pages[1].Prefixes);
        Assert.NotEqual("", pages[1].Marker);
        Assert.Equal(["b"], pages[2].Items);
        Assert.Empty(pages[2].Prefixes);
        Assert.Equal("", pages[2].Marker);
    }

    [Theory]
    [InlineData("not a marker!")]
    [InlineData("bm90IGpzb24")] // base64 of "not json"
    [InlineData("eyJjIjowfQ")] // {"c":0}: no key
    public async Task List_InvalidMarker_Is640(string marker)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.ListAsync(Bucket, marker: marker);

        await KodoAssert.ErrorAsync(response, 640, null);
    }

    [Fact]
    public async Task List_UnknownBucket_Is631()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.ListAsync("no-such-bucket");

        await KodoAssert.ErrorAsync(response, 631, "no such bucket");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task List_Utf8Keys_SortInUtf8ByteOrder(int limit)
    {
        await using var host = await EmulatorHost.StartAsync();
        string[] keys =
        [
            "a", "A", "a/b", "a//b", "a/b/c/d/e/f/g", "a///", "ab", "z", "~", "é", "中", "中文/文件/名字.txt", "文", "\uFF21",
            "\uE000-private", "😀", "😀/x", "𝄞music", "\uFFFD", "a😀", "a\uFF21",
        ];
        await PopulateAsync(host, keys);

        var pages = await ListAllAsync(host, prefix: null, delimiter: null, limit);

        Assert.Equal(keys.Order(s_utf8Order), pages.SelectMany(p => p.Items));
        var under = await ListAllAsync(host, prefix: "中文/", delimiter: "/", limit);
        Assert.Equal(["中文/文件/"], under.SelectMany(p => p.Prefixes));
    }

    /// <summary>A few hundred keys: some at the top, many under folders, some under nested folders.</summary>
    private static List<string> ManyKeys()
    {
        var keys = new List<string>();
        keys.AddRange(Enumerable.Range(0, 60).Select(i => $"r{i:D3}"));
        keys.Add("dir/");
        keys.AddRange(Enumerable.Range(0, 120).Select(i => $"dir/a{i:D3}"));
        keys.AddRange(Enumerable.Range(0, 30).Select(i => $"dir/sub/s{i:D2}"));
        keys.AddRange(Enumerable.Range(0, 60).Select(i => $"f{i / 3:D2}/k{i % 3}"));
        keys.AddRange(Enumerable.Range(0, 20).Select(i => $"g/h/i/j/{i:D2}"));
        keys.AddRange(["dir0", "dir.", "dis", "zzz"]);
        return keys;
    }

    /// <summary>Creates every key as a copy of one small object, a thousand per batch.</summary>
    private static async Task PopulateAsync(EmulatorHost host, IReadOnlyList<string> keys)
    {
        const string Seed = "__seed";
        await host.Kodo.UploadAsync(Bucket, Seed, [1]);
        foreach (var chunk in keys.Chunk(1000))
        {
            using var response = await host.Kodo.BatchAsync(
                chunk.Select(k => $"/copy/{KodoRequests.Entry(Bucket, Seed)}/{KodoRequests.Entry(Bucket, k)}/force/true"), encoded: true);
            await KodoAssert.JsonAsync(response, 200);
        }

        using var delete = await host.Kodo.DeleteAsync(Bucket, Seed);
        await KodoAssert.EmptyAsync(delete);
    }

    /// <summary>Pages until the marker is empty, asserting no key and no common prefix comes twice.</summary>
    private static async Task<List<Page>> ListAllAsync(EmulatorHost host, string? prefix, string? delimiter, int limit)
    {
        var pages = new List<Page>();
        string? marker = null;
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenPrefixes = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            Assert.True(pages.Count < 10_000, "the listing does not end");
            using var response = await host.Kodo.ListAsync(Bucket, prefix, delimiter, marker, limit);
            var body = await KodoAssert.JsonAsync(response, 200);
            var page = new Page(Keys(body), delimiter is null ? [] : Prefixes(body), body.GetProperty("marker").GetString()!);
            Assert.All(page.Items, k => Assert.True(seenKeys.Add(k), $"{k} listed twice"));
            Assert.All(page.Prefixes, p => Assert.True(seenPrefixes.Add(p), $"{p} listed twice"));
            pages.Add(page);
            marker = page.Marker;
        }
        while (marker.Length > 0);

        return pages;
    }

    private static List<string> Keys(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!)];

    private static List<string> Prefixes(JsonElement body) =>
        [.. body.GetProperty("commonPrefixes").EnumerateArray().Select(p => p.GetString()!)];

    private sealed record Page(List<string> Items, List<string> Prefixes, string Marker);
}
