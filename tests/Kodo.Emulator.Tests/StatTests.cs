using System.Security.Cryptography;
using Kodo.Protocol;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>stat (§4.1), by GET (Java 7.2, QBox) and by POST (Java 7.17, Qiniu).</summary>
public sealed class StatTests
{
    private const string Bucket = EmulatorHost.Bucket;

    /// <summary>putTime is in units of 100 ns since the epoch: DateTimeOffset ticks.</summary>
    private static readonly long s_oneMinute = TimeSpan.FromMinutes(1).Ticks;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stat_GetOrPost_ReportsTheObject(bool post)
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(4321);
        var before = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks;
        using (var upload = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket, "dir/note.txt"), "dir/note.txt", content, fileName: "note.txt"))
        {
            await KodoAssert.JsonAsync(upload, 200);
        }

        using var response = await host.Kodo.StatAsync(Bucket, "dir/note.txt", post);
        var info = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal(4321, info.GetProperty("fsize").GetInt64());
        Assert.Equal(Qetag.Compute(content), info.GetProperty("hash").GetString());
        Assert.Equal("text/plain", info.GetProperty("mimeType").GetString());
        Assert.Equal(0, info.GetProperty("type").GetInt32());
#pragma warning disable CA5351 // Kodo reports MD5; this checks it.
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), info.GetProperty("md5").GetString());
#pragma warning restore CA5351
        var putTime = info.GetProperty("putTime").GetInt64();
        Assert.InRange(putTime, before - s_oneMinute, (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks + s_oneMinute);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stat_MissingObject_Is612(bool post)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.StatAsync(Bucket, "missing", post);

        await KodoAssert.ErrorAsync(response, 612, "no such file or directory");
    }

    [Fact]
    public async Task Stat_UnknownBucket_Is631()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.StatAsync("no-such-bucket", "k");

        await KodoAssert.ErrorAsync(response, 631, "no such bucket");
    }

    [Theory]
    [InlineData("!!!not-base64!!!")]
    [InlineData("YnVja2V0LWE")] // "bucket-a" without a key
    [InlineData("OmtleQ")] // ":key", no bucket
    public async Task Stat_UndecodableEntry_Is400(string entry)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Get, "/stat/" + entry));

        await KodoAssert.ErrorAsync(response, 400, KodoErrorMessages.InvalidArgument);
    }

    [Fact]
    public async Task Stat_KeyThatIsNotUtf8_Is400KeyMustBeUtf8()
    {
        await using var host = await EmulatorHost.StartAsync();
        byte[] entry = [.. System.Text.Encoding.UTF8.GetBytes(Bucket + ":"), 0xFF, 0xFE];

        using var response = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Get, "/stat/" + UrlSafeBase64.Encode(entry)));

        await KodoAssert.ErrorAsync(response, 400, KodoErrorMessages.KeyMustBeUtf8);
    }

    [Fact]
    public async Task Stat_EntryIsBase64OfBucketColonKey()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "a:b", [1, 2, 3]);

        using var response = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Get, "/stat/" + UrlSafeBase64.EncodeString(Bucket + ":a:b")));

        Assert.Equal(3, (await KodoAssert.JsonAsync(response, 200)).GetProperty("fsize").GetInt64());
    }
}
