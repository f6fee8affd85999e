using System.Net.Http.Headers;
using System.Text;
using Kodo.Protocol;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Tests;

/// <summary>Cut-off bodies, malformed documents and credentials: answered with 4xx, never 500, and never half an object.</summary>
public sealed class BadInputTests
{
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FormUpload_CutOffMidFile_LeavesNoObjectAndTheServerKeepsServing()
    {
        using var data = new TempDirectory();
        var host = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path));
        try
        {
            using var form = new MultipartFormDataContent("cut-off-boundary");
            form.Add(new StringContent(host.Kodo.UploadToken(Bucket, "cut")), "token");
            form.Add(new StringContent("cut"), "key");
            form.Add(new ByteArrayContent(TestContent.Bytes(256 * 1024)), "file", "cut.bin");
            var whole = await form.ReadAsByteArrayAsync(Ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/")
            {
                Content = new TruncatedContent(whole[..(whole.Length / 2)], whole.Length),
            };
            request.Content.Headers.ContentType = form.Headers.ContentType;

            await Assert.ThrowsAsync<HttpRequestException>(() => host.Kodo.SendAsync(request));

            using var stat = await host.Kodo.StatAsync(Bucket, "cut");
            await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
            await host.Kodo.UploadAsync(Bucket, "after", [1, 2, 3]);
            using var list = await host.Kodo.ListAsync(Bucket);
            Assert.Equal(["after"], (await KodoAssert.JsonAsync(list, 200)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        }
        finally
        {
            // Stopping waits for the cut-off request to finish, so its staged blob is settled by now.
            await host.DisposeAsync();
        }

        Assert.Single(Directory.EnumerateFiles(Path.Combine(data.Path, "blobs")));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"parts":"x"}""")]
    [InlineData("""{"parts":[]}""")]
    [InlineData("""{"parts":[{"etag":1,"partNumber":1}]}""")]
    [InlineData("""{"parts":[{"etag":"x","partNumber":1.5}]}""")]
    [InlineData("""{"parts":[{"etag":"x","partNumber":99999999999}]}""")]
    [InlineData("""{"parts":[{"etag":"x","partNumber":1}]}""")]
    [InlineData("""{"parts":[null]}""")]
    [InlineData("""{"parts":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""")]
    public async Task MultipartComplete_MalformedJson_Is400(string json)
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = host.Kodo.UploadToken(Bucket, "k");
        var objectPath = MultipartV2Tests.ObjectPath(UrlSafeBase64.EncodeString("k"));
        var uploadId = await MultipartV2Tests.InitiateAsync(host, token, objectPath);
        await MultipartV2Tests.PutPartAsync(host, token, objectPath, uploadId, 1, [1], sendMd5: false);

        using var response = await host.Kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"{objectPath}/{uploadId}", token, KodoRequests.Json(json)));

        await KodoAssert.ErrorAsync(response, 400, null);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "this is not a multipart body")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nno headers end here")]
    [InlineData("multipart/form-data", "--xyz\r\n\r\n--xyz--\r\n")]
    [InlineData("application/octet-stream", "plain bytes")]
    public async Task FormUpload_MalformedMultipart_Is400(string contentType, string body)
    {
        await using var host = await EmulatorHost.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await host.Kodo.Http.PostAsync("/", content, Ct);

        await KodoAssert.ErrorAsync(response, 400, null);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("QBox")]
    [InlineData("QBox ")]
    [InlineData("QBox nocolon")]
    [InlineData("QBox test-access-key:")]
    [InlineData("QBox :c2ln")]
    [InlineData("QBox test-access-key:not base64!")]
    [InlineData("QBox other-key:AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("QBox test-access-key:AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Qiniu test-access-key:AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Qiniu a:b:c:d")]
    [InlineData("UpToken a:b:c")]
    [InlineData("Bearer abc")]
    public async Task Management_GarbageAuthorization_Is401(string authorization)
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/stat/" + KodoRequests.Entry(Bucket, "k"));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Kodo.SendAsync(request);

        await KodoAssert.ErrorAsync(response, 401, null);
    }

    [Theory]
    [InlineData("UpToken garbage", KodoErrorMessages.BadToken)]
    [InlineData("UpToken a:b:c", KodoErrorMessages.BadToken)]
    [InlineData("UpToken test-access-key:AAAAAAAAAAAAAAAAAAAAAAAAAAA=:eyJzY29wZSI6ImJ1Y2tldC1hIiwiZGVhZGxpbmUiOjk5OTk5OTk5OTl9", KodoErrorMessages.BadToken)]
    [InlineData("QBox test-access-key:AAAAAAAAAAAAAAAAAAAAAAAAAAA=", KodoErrorMessages.TokenNotSpecified)]
    [InlineData("garbage", KodoErrorMessages.TokenNotSpecified)]
    public async Task Upload_GarbageAuthorization_Is401(string authorization, string error)
    {
        await using var host = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mkblk/3") { Content = KodoRequests.Octets([1, 2, 3]) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Kodo.SendAsync(request);

        await KodoAssert.ErrorAsync(response, 401, error);
    }

    [Fact]
    public async Task LongKey_64KiB_IsRefusedInKodosShapeNotByKestrel()
    {
        await using var host = await EmulatorHost.StartAsync();
        var key = "long/" + new string('k', (64 * 1024) - 5);

        using var upload = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket), key, [1, 2, 3]);
        await KodoAssert.ErrorAsync(upload, 400, "key too long");
        KodoAssert.HasKodoHeaders(upload);

        using var batch = await host.Kodo.BatchAsync(["stat/" + KodoRequests.Entry(Bucket, key)], encoded: false);
        Assert.Equal(400, (await KodoAssert.JsonAsync(batch, 298))[0].GetProperty("code").GetInt32());
        using var stat = await host.Kodo.StatAsync(Bucket, key);
        await KodoAssert.ErrorAsync(stat, 400, "key too long");
        using var download = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), key)));
        Assert.Equal(404, (int)download.StatusCode);
        KodoAssert.HasKodoHeaders(download);
        using var scoped = await host.Kodo.FormUploadAsync(host.Kodo.UploadToken(Bucket, key), key, [4, 5, 6]);
        await KodoAssert.ErrorAsync(scoped, 400, null);
    }
}
