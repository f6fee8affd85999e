using System.Text.Json;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>/batch (§4.5): ops with or without a leading slash, URL-encoded (Node) or raw (Java).</summary>
public sealed class BatchTests
{
    private const string Bucket = EmulatorHost.Bucket;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Batch_MixedResults_Is298WithACodePerOp(bool encoded)
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(55);
        await host.Kodo.UploadAsync(Bucket, "a", content);
        await host.Kodo.UploadAsync(Bucket, "b", [9]);
        string[] ops =
        [
            "stat/" + KodoRequests.Entry(Bucket, "a"), // Java: no leading slash
            "/stat/" + KodoRequests.Entry(Bucket, "missing"), // Node and Go: leading slash
            "copy/" + KodoRequests.Entry(Bucket, "a") + "/" + KodoRequests.Entry(Bucket, "b") + "/force/false",
            "/copy/" + KodoRequests.Entry(Bucket, "a") + "/" + KodoRequests.Entry(Bucket, "c") + "/force/false",
            "delete/" + KodoRequests.Entry(Bucket, "b"),
            "/stat/" + KodoRequests.Entry("no-such-bucket", "a"),
        ];

        using var response = await host.Kodo.BatchAsync(ops, encoded);
        var results = await KodoAssert.JsonAsync(response, 298);

        Assert.Equal(JsonValueKind.Array, results.ValueKind);
        Assert.Equal([200, 612, 614, 200, 200, 631], results.EnumerateArray().Select(r => r.GetProperty("code").GetInt32()));
        var stat = results[0].GetProperty("data");
        Assert.Equal(55, stat.GetProperty("fsize").GetInt64());
        Assert.Equal(Qetag.Compute(content), stat.GetProperty("hash").GetString());
        Assert.True(stat.GetProperty("putTime").GetInt64() > 0);
        Assert.Equal(KodoErrorMessages.NoSuchFileOrDirectory, results[1].GetProperty("data").GetProperty("error").GetString());
        Assert.Equal(KodoErrorMessages.FileExists, results[2].GetProperty("data").GetProperty("error").GetString());
        Assert.Equal(KodoErrorMessages.NoSuchBucket, results[5].GetProperty("data").GetProperty("error").GetString());
        using var copied = await host.Kodo.StatAsync(Bucket, "c");
        Assert.Equal(55, (await KodoAssert.JsonAsync(copied, 200)).GetProperty("fsize").GetInt64());
        using var deleted = await host.Kodo.StatAsync(Bucket, "b");
        await KodoAssert.ErrorAsync(deleted, 612, KodoErrorMessages.NoSuchFileOrDirectory);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Batch_AllSucceed_Is200(bool encoded)
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "x/1", [1]);
        await host.Kodo.UploadAsync(Bucket, "x/2", [2, 2]);

        using var response = await host.Kodo.BatchAsync(
            ["/stat/" + KodoRequests.Entry(Bucket, "x/1"), "stat/" + KodoRequests.Entry(Bucket, "x/2"), "/move/" + KodoRequests.Entry(Bucket, "x/1") + "/" + KodoRequests.Entry(Bucket, "y/1")],
            encoded);
        var results = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal([200, 200, 200], results.EnumerateArray().Select(r => r.GetProperty("code").GetInt32()));
        Assert.Equal(1, results[0].GetProperty("data").GetProperty("fsize").GetInt64());
        Assert.Equal(2, results[1].GetProperty("data").GetProperty("fsize").GetInt64());
        using var moved = await host.Kodo.StatAsync(Bucket, "y/1");
        await KodoAssert.JsonAsync(moved, 200);
    }

    [Fact]
    public async Task Batch_MoreThan1000Ops_Is400()
    {
        await using var host = await EmulatorHost.StartAsync();
        var op = "/stat/" + KodoRequests.Entry(Bucket, "k");

        using var response = await host.Kodo.BatchAsync(Enumerable.Repeat(op, 1001), encoded: true);

        await KodoAssert.ErrorAsync(response, 400, KodoErrorMessages.InvalidArgument);
    }

    [Fact]
    public async Task Batch_Exactly1000Ops_IsServed()
    {
        await using var host = await EmulatorHost.StartAsync();
        var op = "/stat/" + KodoRequests.Entry(Bucket, "k");

        using var response = await host.Kodo.BatchAsync(Enumerable.Repeat(op, 1000), encoded: false);

        var results = await KodoAssert.JsonAsync(response, 298);
        Assert.Equal(1000, results.GetArrayLength());
    }
}
