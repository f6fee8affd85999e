using Kodo.Protocol;

namespace Kodo.Emulator.Tests;

/// <summary>Kodo keys are at most 750 bytes of UTF-8; every call that names a longer one is refused.</summary>
public sealed class KeyLengthTests
{
    private const string Bucket = EmulatorHost.Bucket;

    /// <summary>751 bytes in 250 three-byte characters and one ASCII one: 251 characters, well under 750.</summary>
    private static readonly string s_tooLong = new string('数', 250) + "x";

    /// <summary>Exactly 750 bytes.</summary>
    private static readonly string s_longest = new string('数', 250);

    [Fact]
    public async Task FormUpload_KeyOf751Bytes_Is400AndStoresNothing_750BytesIsFine()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var refused = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), s_tooLong, [1]);
        using var accepted = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), s_longest, [1]);

        await KodoAssert.ErrorAsync(refused, 400, "key too long");
        Assert.Equal(s_longest, (await KodoAssert.JsonAsync(accepted, 200)).GetProperty("key").GetString());
        using var list = await host.Kodo.ListAsync(Bucket);
        Assert.Equal(1, (await KodoAssert.JsonAsync(list, 200)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Mkfile_KeyOf751Bytes_Is400()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket);
        using var mkblk = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkblk/1", token, KodoRequests.Octets([1])));
        var ctx = (await KodoAssert.JsonAsync(mkblk, 200)).GetProperty("ctx").GetString()!;

        using var mkfile = await host.Kodo.SendAsync(
            KodoRequests.Up(HttpMethod.Post, $"/mkfile/1/key/{UrlSafeBase64.EncodeString(s_tooLong)}", token, new StringContent(ctx)));

        await KodoAssert.ErrorAsync(mkfile, 400, "key too long");
    }

    [Fact]
    public async Task MultipartInit_KeyOf751Bytes_Is400()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var init = await host.Kodo.SendAsync(KodoRequests.Up(
            HttpMethod.Post, MultipartV2Tests.ObjectPath(UrlSafeBase64.EncodeString(s_tooLong)), host.Kodo.UploadToken(Bucket), KodoRequests.Json("")));

        await KodoAssert.ErrorAsync(init, 400, "key too long");
    }

    [Fact]
    public async Task Rs_KeyOf751Bytes_Is400ForStatCopyTargetAndInABatch()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "short", [1]);

        using var stat = await host.Kodo.StatAsync(Bucket, s_tooLong);
        using var copy = await host.Kodo.CopyAsync(Bucket, "short", s_tooLong, force: true);
        using var batch = await host.Kodo.BatchAsync(["stat/" + KodoRequests.Entry(Bucket, s_tooLong), "stat/" + KodoRequests.Entry(Bucket, "short")], encoded: true);

        await KodoAssert.ErrorAsync(stat, 400, "key too long");
        await KodoAssert.ErrorAsync(copy, 400, "key too long");
        var results = (await KodoAssert.JsonAsync(batch, 298)).EnumerateArray().ToList();
        Assert.Equal(400, results[0].GetProperty("code").GetInt32());
        Assert.Equal("key too long", results[0].GetProperty("data").GetProperty("error").GetString());
        Assert.Equal(200, results[1].GetProperty("code").GetInt32());
    }
}
