using System.Globalization;
using System.Text.Json;
using Kodo.Protocol;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>Resumable upload v1 (§4.9): mkblk, bput and mkfile with 4 MiB blocks.</summary>
public sealed class ResumableV1Tests
{
    private const string Bucket = EmulatorHost.Bucket;
    private const int Block = 4 * TestContent.MiB;

    [Fact]
    public async Task MkblkBputMkfile_NineMiB_EachAnswerReportsItsChunk_AndTheHashIsTheQetag()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes((9 * TestContent.MiB) + 12345);
        var token = host.Kodo.UploadToken(Bucket, "big.bin");
        // Block 1 in four 1 MiB chunks, block 2 in chunks of 3 MiB and 1 MiB, block 3 (the rest) in one request.
        int[][] chunkSizes = [[TestContent.MiB, TestContent.MiB, TestContent.MiB, TestContent.MiB], [3 * TestContent.MiB, TestContent.MiB], [content.Length - (2 * Block)]];
        var contexts = new List<string>();
        var offset = 0;
        foreach (var chunks in chunkSizes)
        {
            var blockSize = chunks.Sum();
            var ctx = "";
            var inBlock = 0;
            var url = "/mkblk/" + blockSize.ToString(CultureInfo.InvariantCulture);
            foreach (var size in chunks)
            {
                using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, url, token, KodoRequests.Octets(content, offset, size)));
                var answer = await KodoAssert.JsonAsync(response, 200);
                inBlock += size;
                Assert.Equal(KodoCrc32.Compute(content.AsSpan(offset, size)), answer.GetProperty("crc32").GetUInt32());
                Assert.Equal(inBlock, answer.GetProperty("offset").GetInt64());
                Assert.Equal("http://" + host.Kodo.Endpoint, answer.GetProperty("host").GetString());
                Assert.True(answer.GetProperty("expired_at").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                Assert.False(string.IsNullOrEmpty(answer.GetProperty("checksum").GetString()));
                ctx = answer.GetProperty("ctx").GetString()!;
                offset += size;
                // The next chunk goes where the answer says, as the Go SDK sends it.
                url = $"{answer.GetProperty("host").GetString()}/bput/{ctx}/{inBlock}";
            }

            contexts.Add(ctx);
        }

        var path = $"/mkfile/{content.Length}/key/{UrlSafeBase64.EncodeString("big.bin")}/fname/{UrlSafeBase64.EncodeString("big.bin")}";
        using var mkfile = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, path, token, new StringContent(string.Join(',', contexts))));
        var body = await KodoAssert.JsonAsync(mkfile, 200);

        Assert.Equal(Qetag.Compute(content), body.GetProperty("hash").GetString());
        Assert.Equal("big.bin", body.GetProperty("key").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "big.bin");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal(content.Length, info.GetProperty("fsize").GetInt64());
        Assert.Equal(Qetag.Compute(content), info.GetProperty("hash").GetString());
        Assert.False(info.TryGetProperty("md5", out _), "md5 is reported only for form uploads");
        using var download = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "big.bin")));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("node")] // key, mimeType, fname, x:…, x-qn-meta-…
    [InlineData("java")] // mimeType, fname, key, x:…
    public async Task Mkfile_SegmentsInAnyOrder_AreAllRead(string order)
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(1000);
        var token = host.Kodo.UploadToken(new Kodo.Protocol.Auth.PutPolicy
        {
            Scope = Bucket,
            Deadline = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            ReturnBody = """{"key":"$(key)","fname":"$(fname)","mime":"$(mimeType)","v":"$(x:v)"}""",
        });
        var ctx = await MakeBlockAsync(host, token, content);
        string B64(string text) => UrlSafeBase64.EncodeString(text);
        var segments = order == "node"
            ? $"key/{B64("v1/" + order)}/mimeType/{B64("text/csv")}/fname/{B64("data.csv")}/x:v/{B64("var")}/x-qn-meta-Owner/{B64("me")}"
            : $"mimeType/{B64("text/csv")}/fname/{B64("data.csv")}/key/{B64("v1/" + order)}/x:v/{B64("var")}";

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"/mkfile/1000/{segments}", token, new StringContent(ctx)));
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal("v1/" + order, body.GetProperty("key").GetString());
        Assert.Equal("data.csv", body.GetProperty("fname").GetString());
        Assert.Equal("text/csv", body.GetProperty("mime").GetString());
        Assert.Equal("var", body.GetProperty("v").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "v1/" + order);
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal("text/csv", info.GetProperty("mimeType").GetString());
        Assert.Equal(Qetag.Compute(content), info.GetProperty("hash").GetString());
        if (order == "node")
        {
            Assert.Equal("me", info.GetProperty("x-qn-meta").GetProperty("Owner").GetString());
        }
    }

    [Fact]
    public async Task Bput_WithAStaleCtx_Is701()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(300);
        var token = host.Kodo.UploadToken(Bucket, "k");
        using var mkblk = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkblk/300", token, KodoRequests.Octets(content, 0, 100)));
        var first = (await KodoAssert.JsonAsync(mkblk, 200)).GetProperty("ctx").GetString();
        using var bput = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"/bput/{first}/100", token, KodoRequests.Octets(content, 100, 100)));
        await KodoAssert.JsonAsync(bput, 200);

        using var stale = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"/bput/{first}/100", token, KodoRequests.Octets(content, 100, 100)));
        await KodoAssert.ErrorAsync(stale, 701, null);
        using var unknown = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/bput/nonsense_0/0", token, KodoRequests.Octets(content, 0, 10)));
        await KodoAssert.ErrorAsync(unknown, 701, null);
        using var mkfile = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkfile/300", token, new StringContent(first!)));
        await KodoAssert.ErrorAsync(mkfile, 701, null);
    }

    [Fact]
    public async Task Mkfile_AfterSuccess_ItsContextsAreGone()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(10);
        var token = host.Kodo.UploadToken(Bucket, "k");
        var ctx = await MakeBlockAsync(host, token, content);
        using (var done = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkfile/10", token, new StringContent(ctx))))
        {
            await KodoAssert.JsonAsync(done, 200);
        }

        using var again = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkfile/10", token, new StringContent(ctx)));

        await KodoAssert.ErrorAsync(again, 701, null);
    }

    [Theory]
    [InlineData("/mkfile/11", "the sizes do not add up")]
    [InlineData("/mkfile/9", "the sizes do not add up")]
    [InlineData("/mkfile/10/key/!!!", "a segment is not base64")]
    [InlineData("/mkfile/10/key", "a segment has no value")]
    [InlineData("/mkfile/ten", "the size is not a number")]
    public async Task Mkfile_Malformed_Is400(string path, string why)
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var ctx = await MakeBlockAsync(host, token, TestContent.Bytes(10));

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, path, token, new StringContent(ctx)));

        Assert.True((int)response.StatusCode == 400, why);
        await KodoAssert.ErrorAsync(response, 400, null);
    }

    [Theory]
    [InlineData("/mkblk/4194305", 1)]
    [InlineData("/mkblk/0", 1)]
    [InlineData("/mkblk/5", 6)]
    [InlineData("/mkblk/5", 0)]
    public async Task Mkblk_BadBlockSizeOrChunk_Is400(string path, int bodySize)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, path, host.Kodo.UploadToken(Bucket), KodoRequests.Octets(new byte[bodySize])));

        await KodoAssert.ErrorAsync(response, 400, null);
    }

    /// <summary>One mkblk carrying the whole (small) block; returns its ctx.</summary>
    private static async Task<string> MakeBlockAsync(EmulatorHost host, string token, byte[] content)
    {
        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkblk/" + content.Length.ToString(CultureInfo.InvariantCulture), token, KodoRequests.Octets(content)));
        var answer = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(content.Length, answer.GetProperty("offset").GetInt64());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("ctx").ValueKind);
        return answer.GetProperty("ctx").GetString()!;
    }
}
