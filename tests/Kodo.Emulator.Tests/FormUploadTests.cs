using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;
using Microsoft.Extensions.Time.Testing;

namespace Kodo.Emulator.Tests;

/// <summary>Form upload (§4.8) and the upload-token checks (§2.1).</summary>
public sealed class FormUploadTests
{
    private const string Bucket = EmulatorHost.Bucket;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FormUpload_FieldsInJavaOrNodeOrder_StoreTheFile(bool javaOrder)
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(3000);

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket, "dir/a.bin"), "dir/a.bin", content, javaOrder);
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal("dir/a.bin", body.GetProperty("key").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "dir/a.bin");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal(3000, info.GetProperty("fsize").GetInt64());
        Assert.Equal(Qetag.Compute(content), info.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task FormUpload_DefaultBody_IsHashAndKey()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(1234, seed: 7);

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), "k", content);
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal(["hash", "key"], KodoAssert.PropertyNames(body));
        Assert.Equal(Qetag.Compute(content), body.GetProperty("hash").GetString());
        Assert.Equal("k", body.GetProperty("key").GetString());
    }

    [Fact]
    public async Task FormUpload_Crc32Mismatch_Is406AndStoresNothing()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(100);

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket, "k"), "k", content, crc32: KodoCrc32.Compute(content) ^ 1);

        await KodoAssert.ErrorAsync(response, 406, null);
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
    }

    [Fact]
    public async Task FormUpload_MissingToken_Is401TokenNotSpecified()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.FormUploadAsync(null, "k", [1, 2, 3]);

        await KodoAssert.ErrorAsync(response, 401, "token not specified");
    }

    [Fact]
    public async Task FormUpload_TokenSignedWithAnotherSecret_Is401BadToken()
    {
        await using var host = await EmulatorHost.StartAsync();
        var wrong = new Kodo.Protocol.KodoCredentials(EmulatorHost.AccessKey, "not-the-secret");
        var token = UploadToken.Create(wrong, PutPolicy.ForScope(Bucket, "k", DateTimeOffset.UtcNow.AddHours(1)));

        using var response = await host.Kodo.FormUploadAsync(token, "k", [1, 2, 3]);

        await KodoAssert.ErrorAsync(response, 401, "bad token");
    }

    [Fact]
    public async Task FormUpload_ExpiredPolicy_Is401TokenOutOfDate()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(PutPolicy.ForScope(Bucket, "k", DateTimeOffset.UtcNow.AddMinutes(-5)));

        using var response = await host.Kodo.FormUploadAsync(token, "k", [1, 2, 3]);

        await KodoAssert.ErrorAsync(response, 401, "token out of date");
    }

    [Fact]
    public async Task FormUpload_KeyOutsideTheScope_Is403()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket, "allowed"), "other", [1, 2, 3]);

        await KodoAssert.ErrorAsync(response, 403, "key doesn't match scope");
        using var stat = await host.Kodo.StatAsync(Bucket, "other");
        await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
    }

    [Fact]
    public async Task FormUpload_BucketScope_ExistingKeyWithOtherContent_Is614AndKeepsTheObject()
    {
        await using var host = await EmulatorHost.StartAsync();
        var original = TestContent.Bytes(500, seed: 1);
        var hash = await host.Kodo.UploadAsync(Bucket, "k", original);

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), "k", TestContent.Bytes(500, seed: 2));

        await KodoAssert.ErrorAsync(response, 614, "file exists");
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        Assert.Equal(hash, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("hash").GetString());
    }

    [Fact]
    public async Task FormUpload_BucketScope_ExistingKeyWithSameContent_Is200AndRefreshesPutTime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await EmulatorHost.StartAsync(EmulatorHost.Options() with { Time = clock });
        var content = TestContent.Bytes(500);
        var hash = await host.Kodo.UploadAsync(Bucket, "k", content);
        var firstPutTime = await PutTimeAsync(host, "k");
        clock.Advance(TimeSpan.FromSeconds(10));

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), "k", content);

        var body = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(hash, body.GetProperty("hash").GetString());
        Assert.Equal("k", body.GetProperty("key").GetString());
        Assert.Equal(firstPutTime + TimeSpan.FromSeconds(10).Ticks, await PutTimeAsync(host, "k"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task FormUpload_InsertOnly_RefusesAnExistingKeyEvenWithAKeyScope(int insertOnly)
    {
        await using var host = await EmulatorHost.StartAsync();
        var hash = await host.Kodo.UploadAsync(Bucket, "k", TestContent.Bytes(10, seed: 1));
        var policy = new PutPolicy { Scope = Bucket + ":k", Deadline = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), InsertOnly = insertOnly };

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(policy), "k", TestContent.Bytes(10, seed: 2));

        await KodoAssert.ErrorAsync(response, 614, "file exists");
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        Assert.Equal(hash, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("hash").GetString());
    }

    [Fact]
    public async Task FormUpload_TokenForAnUnknownBucket_Is631()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken("no-such-bucket", "k"), "k", [1]);

        await KodoAssert.ErrorAsync(response, 631, "no such bucket");
    }

    [Fact]
    public async Task FormUpload_WithoutAKey_UsesTheHash_AndAnEmptyKeyIsAKey()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(64);

        using var keyless = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), null, content);
        var body = await KodoAssert.JsonAsync(keyless, 200);
        Assert.Equal(Qetag.Compute(content), body.GetProperty("key").GetString());

        using var empty = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), "", [1]);
        Assert.Equal("", (await KodoAssert.JsonAsync(empty, 200)).GetProperty("key").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "");
        Assert.Equal(1, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("fsize").GetInt64());
    }

    [Fact]
    public async Task FormUpload_AboveFsizeLimit_Is413()
    {
        await using var host = await EmulatorHost.StartAsync();
        var policy = new PutPolicy { Scope = Bucket + ":k", Deadline = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), FsizeLimit = 99 };

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(policy), "k", TestContent.Bytes(100));

        await KodoAssert.ErrorAsync(response, 413, null);
        using var exact = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(policy), "k", TestContent.Bytes(99));
        await KodoAssert.JsonAsync(exact, 200);
    }

    [Fact]
    public async Task FormUpload_KeyScope_OverwritesTheObject()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", TestContent.Bytes(500, seed: 1));
        var replacement = TestContent.Bytes(700, seed: 2);

        using var response = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket, "k"), "k", replacement);

        var body = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(Qetag.Compute(replacement), body.GetProperty("hash").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal(700, info.GetProperty("fsize").GetInt64());
        Assert.Equal(Qetag.Compute(replacement), info.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task FormUpload_ReturnBody_RendersMagicVariables()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(321);
        var policy = new PutPolicy
        {
            Scope = Bucket + ":dir/r.txt",
            Deadline = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            ReturnBody = """{"k":"$(key)","h":"$(etag)","size":$(fsize),"foo":"$(x:foo)","b":"${bucket}"}""",
        };

        using var response = await host.Kodo.FormUploadAsync(
            host.Kodo.UploadToken(policy), "dir/r.txt", content, fields: new Dictionary<string, string> { ["x:foo"] = "bar \"q\"" });

        var body = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(["b", "foo", "h", "k", "size"], KodoAssert.PropertyNames(body));
        Assert.Equal("dir/r.txt", body.GetProperty("k").GetString());
        Assert.Equal(Qetag.Compute(content), body.GetProperty("h").GetString());
        Assert.Equal(321, body.GetProperty("size").GetInt64());
        Assert.Equal("bar \"q\"", body.GetProperty("foo").GetString());
        Assert.Equal(Bucket, body.GetProperty("b").GetString());
    }

    private static async Task<long> PutTimeAsync(EmulatorHost host, string key)
    {
        using var stat = await host.Kodo.StatAsync(Bucket, key);
        return (await KodoAssert.JsonAsync(stat, 200)).GetProperty("putTime").GetInt64();
    }
}
