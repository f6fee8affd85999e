using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Kodo.Protocol;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>Resumable upload v2 (§4.10): initiate, parts with hex Content-MD5, complete, list, abort.</summary>
public sealed class MultipartV2Tests
{
    private const string Bucket = EmulatorHost.Bucket;

    [Fact]
    public async Task Multipart_WithAKey_HashIsEtagV2OfTheParts()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "v2/big.bin");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("v2/big.bin"));
        byte[][] parts = [TestContent.Bytes(5 * TestContent.MiB, seed: 1), TestContent.Bytes(5 * TestContent.MiB, seed: 2), TestContent.Bytes(1234, seed: 3)];
        var uploadId = await InitiateAsync(host, token, objectPath);

        var etags = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            etags.Add(await PutPartAsync(host, token, objectPath, uploadId, i + 1, parts[i], sendMd5: i == parts.Length - 1));
        }

        using var response = await CompleteAsync(host, token, objectPath, uploadId, PartsJson(etags) + ""","fname":"big.bin","mimeType":"application/x-test" """);
        var body = await KodoAssert.JsonAsync(response, 200);

        var expected = EtagV2.Compute([.. parts.Select(p => new PartEtag(p.Length, Qetag.Compute(p)))]);
        Assert.StartsWith("n", expected, StringComparison.Ordinal);
        Assert.Equal(expected, body.GetProperty("hash").GetString());
        Assert.Equal("v2/big.bin", body.GetProperty("key").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "v2/big.bin");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal(expected, info.GetProperty("hash").GetString());
        Assert.Equal(parts.Sum(p => p.Length), info.GetProperty("fsize").GetInt64());
        Assert.Equal("application/x-test", info.GetProperty("mimeType").GetString());
        Assert.False(info.TryGetProperty("md5", out _), "md5 is reported only for form uploads");
        using var download = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "v2/big.bin")));
        Assert.Equal(parts.SelectMany(p => p), await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Multipart_WithTildeKey_TheKeyIsTheHash()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket);
        var objectPath = ObjectPath("~");
        var content = TestContent.Bytes(2000);
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag = await PutPartAsync(host, token, objectPath, uploadId, 1, content, sendMd5: true);

        using var response = await CompleteAsync(host, token, objectPath, uploadId, PartsJson([etag]));
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal(Qetag.Compute(content), body.GetProperty("hash").GetString());
        Assert.Equal(Qetag.Compute(content), body.GetProperty("key").GetString());
    }

    [Fact]
    public async Task UploadPart_WithAWrongContentMd5_Is400()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var body = KodoRequests.Octets([1, 2, 3]);
        body.Headers.TryAddWithoutValidation("Content-MD5", new string('0', 32));

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Put, $"{objectPath}/{uploadId}/1", token, body));

        await KodoAssert.ErrorAsync(response, 400, null);
        using var list = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, $"{objectPath}/{uploadId}", token));
        Assert.Equal(0, (await KodoAssert.JsonAsync(list, 200)).GetProperty("parts").GetArrayLength());
    }

    [Theory]
    [InlineData("metadata")] // Node, Go
    [InlineData("metaData")] // Java 7.17
    public async Task Complete_AcceptsMetadataUnderEitherName(string property)
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "meta");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("meta"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag = await PutPartAsync(host, token, objectPath, uploadId, 1, [1, 2, 3], sendMd5: false);

        using var response = await CompleteAsync(host, token, objectPath, uploadId, PartsJson([etag]) + $$""","{{property}}":{"x-qn-meta-Owner":"alice"}""");
        await KodoAssert.JsonAsync(response, 200);

        using var stat = await host.Kodo.StatAsync(Bucket, "meta");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal("alice", info.GetProperty("x-qn-meta").GetProperty("Owner").GetString());
    }

    [Fact]
    public async Task ListParts_ReturnsThePartsSortedByNumber()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag3 = await PutPartAsync(host, token, objectPath, uploadId, 3, [3, 3, 3], sendMd5: true);
        var etag1 = await PutPartAsync(host, token, objectPath, uploadId, 1, [1], sendMd5: false);

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, $"{objectPath}/{uploadId}", token));
        var body = await KodoAssert.JsonAsync(response, 200);

        Assert.Equal(uploadId, body.GetProperty("uploadId").GetString());
        Assert.Equal(0, body.GetProperty("partNumberMarker").GetInt32());
        var parts = body.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal([1, 3], parts.Select(p => p.GetProperty("partNumber").GetInt32()));
        Assert.Equal([etag1, etag3], parts.Select(p => p.GetProperty("etag").GetString()));
        Assert.Equal([1L, 3L], parts.Select(p => p.GetProperty("size").GetInt64()));

        using var paged = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, $"{objectPath}/{uploadId}?max-parts=1", token));
        var first = await KodoAssert.JsonAsync(paged, 200);
        Assert.Equal(1, first.GetProperty("partNumberMarker").GetInt32());
        Assert.Equal(1, first.GetProperty("parts").GetArrayLength());
    }

    [Fact]
    public async Task Abort_ThenEveryCallOnTheUpload_Is612NoSuchUploadId()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag = await PutPartAsync(host, token, objectPath, uploadId, 1, [1], sendMd5: false);

        using (var abort = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Delete, $"{objectPath}/{uploadId}", token)))
        {
            await KodoAssert.EmptyAsync(abort);
        }

        using var list = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, $"{objectPath}/{uploadId}", token));
        await KodoAssert.ErrorAsync(list, 612, KodoErrorMessages.NoSuchUploadId);
        using var part = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Put, $"{objectPath}/{uploadId}/2", token, KodoRequests.Octets([2])));
        await KodoAssert.ErrorAsync(part, 612, KodoErrorMessages.NoSuchUploadId);
        using var complete = await CompleteAsync(host, token, objectPath, uploadId, PartsJson([etag]));
        await KodoAssert.ErrorAsync(complete, 612, KodoErrorMessages.NoSuchUploadId);
        using var abortAgain = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Delete, $"{objectPath}/{uploadId}", token));
        await KodoAssert.ErrorAsync(abortAgain, 612, KodoErrorMessages.NoSuchUploadId);
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
    }

    [Fact]
    public async Task Complete_Twice_Is612NoSuchUploadId()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag = await PutPartAsync(host, token, objectPath, uploadId, 1, [1, 2], sendMd5: false);
        using (var first = await CompleteAsync(host, token, objectPath, uploadId, PartsJson([etag])))
        {
            await KodoAssert.JsonAsync(first, 200);
        }

        using var second = await CompleteAsync(host, token, objectPath, uploadId, PartsJson([etag]));

        await KodoAssert.ErrorAsync(second, 612, KodoErrorMessages.NoSuchUploadId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task UploadPart_NumberOutOfRange_Is400(int partNumber)
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Put, $"{objectPath}/{uploadId}/{partNumber}", token, KodoRequests.Octets([1])));

        await KodoAssert.ErrorAsync(response, 400, null);
    }

    [Fact]
    public async Task Complete_PartsOutOfOrder_Is400AndTheUploadStays()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag1 = await PutPartAsync(host, token, objectPath, uploadId, 1, TestContent.Bytes(TestContent.MiB, seed: 1), sendMd5: false);
        var etag2 = await PutPartAsync(host, token, objectPath, uploadId, 2, [2], sendMd5: false);

        using var response = await CompleteAsync(host, token, objectPath, uploadId, """{"parts":[{"etag":"%2","partNumber":2},{"etag":"%1","partNumber":1}]""".Replace("%2", etag2, StringComparison.Ordinal).Replace("%1", etag1, StringComparison.Ordinal));

        await KodoAssert.ErrorAsync(response, 400, null);
        using var list = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, $"{objectPath}/{uploadId}", token));
        Assert.Equal(2, (await KodoAssert.JsonAsync(list, 200)).GetProperty("parts").GetArrayLength());
    }

    [Fact]
    public async Task Complete_WithGapsInThePartNumbers_JoinsTheListedParts()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        byte[] first = TestContent.Bytes(TestContent.MiB, seed: 1);
        byte[] last = [3, 3, 3];
        var etag1 = await PutPartAsync(host, token, objectPath, uploadId, 1, first, sendMd5: false);
        await PutPartAsync(host, token, objectPath, uploadId, 2, [2], sendMd5: false);
        var etag3 = await PutPartAsync(host, token, objectPath, uploadId, 3, last, sendMd5: false);

        using var response = await CompleteAsync(host, token, objectPath, uploadId, $$"""{"parts":[{"etag":"{{etag1}}","partNumber":1},{"etag":"{{etag3}}","partNumber":3}]""");

        var body = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(EtagV2.Compute([new PartEtag(first.Length, Qetag.Compute(first)), new PartEtag(3, Qetag.Compute(last))]), body.GetProperty("hash").GetString());
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        Assert.Equal(first.Length + 3, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("fsize").GetInt64());
    }

    [Fact]
    public async Task Complete_AnUploadedPartSmallerThan1MiBBeforeTheLast_Is400()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await InitiateAsync(host, token, objectPath);
        var etag1 = await PutPartAsync(host, token, objectPath, uploadId, 1, [1], sendMd5: false);
        var etag2 = await PutPartAsync(host, token, objectPath, uploadId, 2, [2], sendMd5: false);

        using var response = await CompleteAsync(host, token, objectPath, uploadId, PartsJson([etag1, etag2]));

        await KodoAssert.ErrorAsync(response, 400, null);
    }

    /// <summary>The path of an object's uploads: /buckets/&lt;bucket&gt;/objects/&lt;encoded key or ~&gt;/uploads.</summary>
    internal static string ObjectPath(string encodedKey) => $"/buckets/{Bucket}/objects/{encodedKey}/uploads";

    /// <summary>Initiates as the Node SDK does (JSON type, empty body); returns the uploadId.</summary>
    internal static async Task<string> InitiateAsync(EmulatorHost host, string token, string objectPath)
    {
        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, objectPath, token, KodoRequests.Json("")));
        var body = await KodoAssert.JsonAsync(response, 200);
        Assert.InRange(
            body.GetProperty("expireAt").GetInt64(),
            DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-1).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1).ToUnixTimeSeconds());
        return body.GetProperty("uploadId").GetString()!;
    }

    /// <summary>Uploads one part, with its hex MD5 when asked; asserts the answer and returns the part's etag.</summary>
    internal static async Task<string> PutPartAsync(EmulatorHost host, string token, string objectPath, string uploadId, int number, byte[] content, bool sendMd5)
    {
#pragma warning disable CA5351 // The protocol's Content-MD5 is MD5.
        var md5 = Convert.ToHexStringLower(MD5.HashData(content));
#pragma warning restore CA5351
        var body = KodoRequests.Octets(content);
        if (sendMd5)
        {
            body.Headers.TryAddWithoutValidation("Content-MD5", md5);
        }

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Put, $"{objectPath}/{uploadId}/{number.ToString(CultureInfo.InvariantCulture)}", token, body));
        var answer = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(md5, answer.GetProperty("md5").GetString());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("etag").ValueKind);
        return answer.GetProperty("etag").GetString()!;
    }

    /// <summary>POSTs a completion document: <paramref name="json"/> without its closing brace.</summary>
    internal static Task<HttpResponseMessage> CompleteAsync(EmulatorHost host, string token, string objectPath, string uploadId, string json) =>
        host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"{objectPath}/{uploadId}", token, KodoRequests.Json(json + "}")));

    /// <summary>{"parts":[…] for parts numbered from 1, left open for more properties.</summary>
    internal static string PartsJson(IReadOnlyList<string> etags) =>
        """{"parts":[""" + string.Join(',', etags.Select((e, i) => $$"""{"etag":"{{e}}","partNumber":{{i + 1}}}""")) + "]";
}
