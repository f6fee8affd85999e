using Kodo.Protocol;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>delete, copy and move (§4.2, §4.3).</summary>
public sealed class RsOperationTests
{
    private const string Bucket = EmulatorHost.Bucket;
    private const string Missing = "no such file or directory";

    [Fact]
    public async Task Delete_RemovesTheObject_ThenIs612()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", [1, 2, 3]);

        using (var response = await host.Kodo.DeleteAsync(Bucket, "k"))
        {
            await KodoAssert.EmptyAsync(response);
        }

        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        await KodoAssert.ErrorAsync(stat, 612, Missing);
        using var again = await host.Kodo.DeleteAsync(Bucket, "k");
        await KodoAssert.ErrorAsync(again, 612, Missing);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task CopyOrMove_OntoAnExistingKeyWithoutForce_Is614AndChangesNothing(bool move, bool sendForceFalse)
    {
        await using var host = await EmulatorHost.StartAsync();
        var sourceHash = await host.Kodo.UploadAsync(Bucket, "src", TestContent.Bytes(10, seed: 1));
        var targetHash = await host.Kodo.UploadAsync(Bucket, "dst", TestContent.Bytes(20, seed: 2));

        using var response = await host.Kodo.CopyAsync(Bucket, "src", "dst", sendForceFalse ? false : null, move);

        await KodoAssert.ErrorAsync(response, 614, "file exists");
        await AssertHashAsync(host, "src", sourceHash);
        await AssertHashAsync(host, "dst", targetHash);
    }

    [Fact]
    public async Task Copy_WithForce_ReplacesTheTargetAndKeepsTheSource()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(10, seed: 1);
        var sourceHash = await host.Kodo.UploadAsync(Bucket, "src.txt", content);
        await host.Kodo.UploadAsync(Bucket, "dst", TestContent.Bytes(20, seed: 2));

        using (var response = await host.Kodo.CopyAsync(Bucket, "src.txt", "dst", force: true))
        {
            await KodoAssert.EmptyAsync(response);
        }

        await AssertHashAsync(host, "src.txt", sourceHash);
        using var stat = await host.Kodo.StatAsync(Bucket, "dst");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal(sourceHash, info.GetProperty("hash").GetString());
        Assert.Equal(10, info.GetProperty("fsize").GetInt64());
        Assert.Equal("text/plain", info.GetProperty("mimeType").GetString());
        using var download = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "dst")));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Move_WithForce_ReplacesTheTargetAndRemovesTheSource()
    {
        await using var host = await EmulatorHost.StartAsync();
        var sourceHash = await host.Kodo.UploadAsync(Bucket, "src", TestContent.Bytes(10, seed: 1));
        await host.Kodo.UploadAsync(Bucket, "dst", TestContent.Bytes(20, seed: 2));

        using (var response = await host.Kodo.CopyAsync(Bucket, "src", "dst", force: true, move: true))
        {
            await KodoAssert.EmptyAsync(response);
        }

        await AssertHashAsync(host, "dst", sourceHash);
        using var stat = await host.Kodo.StatAsync(Bucket, "src");
        await KodoAssert.ErrorAsync(stat, 612, Missing);
    }

    [Fact]
    public async Task Move_ToANewKey_RemovesTheSource()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(77);

        await host.Kodo.UploadAsync(Bucket, "a/old", content);
        using (var response = await host.Kodo.CopyAsync(Bucket, "a/old", "b/new", force: null, move: true))
        {
            await KodoAssert.EmptyAsync(response);
        }

        await AssertHashAsync(host, "b/new", Qetag.Compute(content));
        using var stat = await host.Kodo.StatAsync(Bucket, "a/old");
        await KodoAssert.ErrorAsync(stat, 612, Missing);
    }

    [Fact]
    public async Task Copy_MissingSource_Is612()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.CopyAsync(Bucket, "nothing", "dst", force: false);

        await KodoAssert.ErrorAsync(response, 612, Missing);
    }

    private static async Task AssertHashAsync(EmulatorHost host, string key, string hash)
    {
        using var stat = await host.Kodo.StatAsync(Bucket, key);
        Assert.Equal(hash, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("hash").GetString());
    }

    [Fact]
    public async Task ChangeMetadata_SetsTheMimeTypeAndMetaAndKeepsTheContent()
    {
        await using var host = await EmulatorHost.StartAsync();
        var kodo = host.Kodo;
        var hash = await kodo.UploadAsync(EmulatorHost.Bucket, "doc", [1, 2, 3, 4]);
        var entry = KodoRequests.Entry(EmulatorHost.Bucket, "doc");
        var path = $"/chgm/{entry}/mime/{UrlSafeBase64.EncodeString("text/plain")}/x-qn-meta-color/{UrlSafeBase64.EncodeString("blue")}";

        using var changed = await kodo.SendAsync(kodo.Management(HttpMethod.Post, path, []));
        using var stat = await kodo.StatAsync(EmulatorHost.Bucket, "doc");
        using var badValue = await kodo.SendAsync(kodo.Management(HttpMethod.Post, $"/chgm/{entry}/mime/!!!", []));
        using var missing = await kodo.SendAsync(kodo.Management(
            HttpMethod.Post, $"/chgm/{KodoRequests.Entry(EmulatorHost.Bucket, "nope")}/mime/{UrlSafeBase64.EncodeString("text/plain")}", []));

        await KodoAssert.EmptyAsync(changed);
        var body = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal("text/plain", body.GetProperty("mimeType").GetString());
        Assert.Equal("blue", body.GetProperty("x-qn-meta").GetProperty("color").GetString());
        Assert.Equal(hash, body.GetProperty("hash").GetString());
        await KodoAssert.ErrorAsync(badValue, 400, "invalid argument");
        await KodoAssert.ErrorAsync(missing, 612, "no such file or directory");
    }
}
