using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>io downloads (§4.11) with private-URL tokens (§2.5) and Host → bucket mapping.</summary>
public sealed class DownloadTests
{
    private const string Bucket = EmulatorHost.Bucket;
    private const string Key = "dir/file.txt";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Domain => EmulatorHost.DefaultDomain();

    [Fact]
    public async Task Download_ValidToken_Is200WithKodoHeaders()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = await UploadAsync(host, 1000);
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, Key)));

        Assert.Equal(200, (int)response.StatusCode);
        KodoAssert.HasKodoHeaders(response);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"\"{Qetag.Compute(content)}\"", response.Headers.ETag?.Tag);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1000, response.Content.Headers.ContentLength);
        Assert.InRange(response.Content.Headers.LastModified!.Value, before, DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Equal(["blue"], response.Headers.GetValues("X-Qn-Meta-Color"));
    }

    [Theory]
    [InlineData("bytes=100-199", 100, 199, false)]
    [InlineData("bytes=100-199", 100, 199, true)]
    [InlineData("bytes=990-", 990, 999, false)]
    [InlineData("bytes=990-", 990, 999, true)]
    [InlineData("bytes=900-5000", 900, 999, false)]
    [InlineData("bytes=-10", 990, 999, false)]
    [InlineData("bytes=-10", 990, 999, true)]
    [InlineData("bytes=-5000", 0, 999, false)]
    public async Task Download_Range_Is206WithContentRange(string range, int first, int last, bool onDisk)
    {
        using var data = new TempDirectory();
        await using var host = await EmulatorHost.StartAsync(EmulatorHost.Options(onDisk ? data.Path : null));
        var content = await UploadAsync(host, 1000);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, Key), range: range));

        Assert.Equal(206, (int)response.StatusCode);
        KodoAssert.HasKodoHeaders(response);
        Assert.Equal($"bytes {first}-{last}/1000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(content[first..(last + 1)], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000")]
    public async Task Download_UnsatisfiableRange_Is416(string range)
    {
        await using var host = await EmulatorHost.StartAsync();
        await UploadAsync(host, 1000);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, Key), range: range));

        await KodoAssert.ErrorAsync(response, 416, null);
        Assert.Equal("bytes */1000", response.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-3")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-1")]
    [InlineData("bytes=0--1")]
    public async Task Download_InvalidRange_IsIgnored(string range)
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = await UploadAsync(host, 1000);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, Key), range: range));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Download_KeyWithSpacesAndUnicode_AcceptsAnEncodedOrRawSignature(bool signEncoded)
    {
        await using var host = await EmulatorHost.StartAsync();
        const string Odd = "dir/a file+ü 中.txt";
        await host.Kodo.UploadAsync(Bucket, Odd, [4, 2]);
        var encoded = KodoRequests.DomainUrl(Domain, Odd);
        var deadline = DateTimeOffset.UtcNow.AddHours(1);

        // Alluxio signs "http://host/" + the raw key, and its HTTP client then sends the path percent-encoded.
        var signed = PrivateDownloadUrl.Create(host.Kodo.Credentials, signEncoded ? encoded : $"http://{Domain}/{Odd}", deadline);
        var url = encoded + signed[signed.IndexOf('?', StringComparison.Ordinal)..];
        using var response = await host.Kodo.SendAsync(host.Kodo.Download(url));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal([4, 2], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Download_WithoutToken_Is401DownloadTokenNotSpecified()
    {
        await using var host = await EmulatorHost.StartAsync();
        await UploadAsync(host, 10);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(KodoRequests.DomainUrl(Domain, Key)));

        await KodoAssert.ErrorAsync(response, 401, KodoErrorMessages.DownloadTokenNotSpecified);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("deadline")]
    [InlineData("key")]
    [InlineData("domain")]
    public async Task Download_TamperedToken_Is401DownloadTokenAuthFailed(string tampered)
    {
        await using var host = await EmulatorHost.StartAsync();
        await UploadAsync(host, 10);
        await host.Kodo.UploadAsync(Bucket, "dir/other.txt", [1]);
        var url = host.Kodo.SignedUrl(Domain, Key);
        var deadline = url[(url.IndexOf("?e=", StringComparison.Ordinal) + 3)..url.IndexOf("&token=", StringComparison.Ordinal)];
        url = tampered switch
        {
            "signature" => url[..^6] + (url[^6] == 'A' ? 'B' : 'A') + url[^5..],
            "deadline" => url.Replace("?e=" + deadline, "?e=" + (long.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) + 1), StringComparison.Ordinal),
            "key" => url.Replace("/dir/file.txt", "/dir/other.txt", StringComparison.Ordinal),
            _ => url.Replace(Domain, "127.0.0.1", StringComparison.Ordinal),
        };

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(url));

        await KodoAssert.ErrorAsync(response, 401, KodoErrorMessages.DownloadTokenAuthFailed);
    }

    [Fact]
    public async Task Download_ExpiredToken_Is401()
    {
        await using var host = await EmulatorHost.StartAsync();
        await UploadAsync(host, 10);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, Key, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await KodoAssert.ErrorAsync(response, 401, null);
    }

    [Fact]
    public async Task Download_Head_HasTheHeadersAndNoBody()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = await UploadAsync(host, 1000);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, Key), HttpMethod.Head));

        Assert.Equal(200, (int)response.StatusCode);
        KodoAssert.HasKodoHeaders(response);
        Assert.Equal($"\"{Qetag.Compute(content)}\"", response.Headers.ETag?.Tag);
        Assert.Equal(1000, response.Content.Headers.ContentLength);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Download_MissingKey_Is404DocumentNotFound()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(Domain, "no/such/key")));

        await KodoAssert.ErrorAsync(response, 404, KodoErrorMessages.DocumentNotFound);
    }

    [Fact]
    public async Task Download_HostHeader_SelectsTheBucketOfItsDomain()
    {
        await using var host = await EmulatorHost.StartAsync(EmulatorHost.Options(null, "bucket-a", "bucket-b") with
        {
            Domains = new Dictionary<string, string> { ["a.example.test"] = "bucket-a", ["b.example.test"] = "bucket-b" },
        });
        await host.Kodo.UploadAsync("bucket-a", "same/key", [0xA]);
        await host.Kodo.UploadAsync("bucket-b", "same/key", [0xB, 0xB]);
        await host.Kodo.UploadAsync("bucket-b", "only-b", [0xB]);

        using var a = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl("a.example.test", "same/key")));
        using var b = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl("b.example.test", "same/key")));
        using var missing = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl("a.example.test", "only-b")));

        Assert.Equal([0xA], await a.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal([0xB, 0xB], await b.Content.ReadAsByteArrayAsync(Ct));
        await KodoAssert.ErrorAsync(missing, 404, KodoErrorMessages.DocumentNotFound);
    }

    /// <summary>Uploads <paramref name="size"/> bytes as <see cref="Key"/> with the metadata Color=blue.</summary>
    private static async Task<byte[]> UploadAsync(EmulatorHost host, int size)
    {
        var content = TestContent.Bytes(size);
        using var response = await host.Kodo.FormUploadAsync(
            host.Kodo.UploadToken(Bucket, Key), Key, content, fields: new Dictionary<string, string> { ["x-qn-meta-Color"] = "blue" }, fileName: "file.txt");
        await KodoAssert.JsonAsync(response, 200);
        return content;
    }
}
