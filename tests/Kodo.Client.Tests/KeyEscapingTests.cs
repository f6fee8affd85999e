using Kodo.Protocol.Hashing;

namespace Kodo.Client.Tests;

/// <summary>
/// Keys that break a naive client (defect K6): every call must sign exactly what it sends, so the emulator's strict
/// signature checks pass and the key arrives intact.
/// </summary>
public sealed class KeyEscapingTests
{
    public static readonly TheoryData<string> Keys =
    [
        "with space.txt",
        "hash#tag",
        "question?mark=1&x=2",
        "percent%20literal%",
        "plus+sign",
        "中文/目录/文件.txt",
        "emoji-😀/🚀.bin",
        "many//slashes///x",
        "/leading/slash",
        "trailing/",
        "dots/./and/../x",
        "quote\"'<>|\\^`{}",
        "semi;colon,comma:colon@at$dollar!bang*star(paren)",
        "tab\tand~tilde",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task EveryOperation_RoundTripsTheKey(string key)
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(777);

        var put = await host.Client.PutAsync(key, content, Ct);
        Assert.Equal(key, put.Key);

        var info = await host.Client.StatAsync(key, Ct);
        Assert.Equal(key, info!.Key);
        Assert.Equal(777, info.Size);

        var listed = await host.Client.ListAsync(prefix: key, cancellationToken: Ct);
        Assert.Contains(listed.Items, i => i.Key == key);

        await using (var read = await host.Client.OpenReadAsync(key, cancellationToken: Ct))
        {
            Assert.Equal(content, await ClientContent.ReadAllAsync(read));
        }

        await using (var ranged = await host.Client.OpenReadAsync(key, 100, 50, Ct))
        {
            Assert.Equal(content.AsSpan(100, 50).ToArray(), await ClientContent.ReadAllAsync(ranged));
        }

        Assert.True(await host.Client.CopyAsync(key, key + ".copy", cancellationToken: Ct));
        Assert.True(await host.Client.MoveAsync(key + ".copy", key + ".moved", cancellationToken: Ct));
        Assert.Equal(put.Hash, (await host.Client.StatAsync(key + ".moved", Ct))!.Hash);
        Assert.True(await host.Client.DeleteAsync(key + ".moved", Ct));

        await using (var stream = host.Client.OpenWrite(key + ".stream"))
        {
            await stream.WriteAsync(content, Ct);
        }

        Assert.Equal(Qetag.Compute(content), (await host.Client.StatAsync(key + ".stream", Ct))!.Hash);
        var deleted = await host.Client.DeleteManyAsync([key, key + ".stream"], Ct);
        Assert.All(deleted, r => Assert.True(r.Deleted));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task MultipartUpload_RoundTripsTheKey(string key)
    {
        await using var host = await ClientHost.StartAsync(o => o with { MultipartThreshold = 0, PartSize = KodoClientOptions.MinPartSize });
        var content = TestContent.Bytes((2 * TestContent.MiB) + 5);

        await using (var stream = host.Client.OpenWrite(key))
        {
            await stream.WriteAsync(content, Ct);
        }

        Assert.Equal(ClientContent.EtagV2(content, TestContent.MiB), (await host.Client.StatAsync(key, Ct))!.Hash);
    }

    [Fact]
    public void EscapeKeyPath_EscapesEachSegmentAndDotSegments()
    {
        Assert.Equal("/a%20b/c%23d/%3F", KodoClient.EscapeKeyPath("a b/c#d/?"));
        Assert.Equal("/%2E/%2E%2E/x", KodoClient.EscapeKeyPath("./../x"));
        Assert.Equal("//a//", KodoClient.EscapeKeyPath("/a//"));
        Assert.Equal("/%E4%B8%AD", KodoClient.EscapeKeyPath("中"));
    }
}
