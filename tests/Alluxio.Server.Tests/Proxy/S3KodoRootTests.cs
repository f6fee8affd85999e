using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Alluxio.Testing;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>
/// The S3 API over a namespace whose root is a Kodo bucket directory on the emulator, with signatures checked: what
/// is PUT through the proxy lands in the bucket, where the official Qiniu Node SDK finds the same bytes; a wrong secret
/// or no signature is refused; and neither the Kodo secret nor the proxy's secret shows anywhere.
/// </summary>
public sealed class S3KodoRootTests : IAsyncLifetime
{
    private const string ProxyAccessKey = "proxy-user";
    private const string ProxySecret = "FAKE-PROXY-S3-SECRET-8e1d";

    private KodoEmulatorFixture? _emulator;
    private ProxyCluster? _cluster;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await TestKodo.StartEmulatorAsync(Token);
        _cluster = await ProxyCluster.StartAsync(
            new MasterProcessOptions { SiteProperties = TestKodo.RootMountSiteProperties(_emulator, "root") },
            proxySiteProperties: $"alluxio.proxy.s3.authentication.enabled=true\nalluxio.proxy.s3.access.key={ProxyAccessKey}\nalluxio.proxy.s3.secret.key={ProxySecret}\n",
            cancellationToken: Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new IAsyncDisposable?[] { _cluster, _emulator })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AnObjectPutThroughTheProxyIsInTheBucketForKodosOwnSdk()
    {
        using var s3 = Client(ProxySecret);
        await s3.PutBucketAsync("data", Token);
        var content = TestContent.Bytes(1 << 20);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "data", Key = "in kodo/obj.bin", InputStream = new MemoryStream(content) }, Token);

        var found = await StatThroughNodeSdkAsync("root/data/in kodo/obj.bin");
        Assert.Equal(content.Length, found.GetProperty("fsize").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), found.GetProperty("sha256").GetString());

        // Read back through the proxy, whole and in part.
        using var got = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "data", Key = "in kodo/obj.bin", ByteRange = new ByteRange(0, 99) }, Token);
        using var part = new MemoryStream();
        await got.ResponseStream.CopyToAsync(part, Token);
        Assert.Equal(content.AsSpan(0, 100).ToArray(), part.ToArray());

        // An object deleted through S3 leaves the bucket.
        await s3.DeleteObjectAsync("data", "in kodo/obj.bin", Token);
        Assert.Equal(612, (await StatThroughNodeSdkAsync("root/data/in kodo/obj.bin")).GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task AWrongSecretOrNoSignatureIsRefusedAndNoSecretIsShown()
    {
        using var wrong = Client("FAKE-WRONG-SECRET-3a9c");
        var refused = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => wrong.ListBucketsAsync(Token));
        Assert.Equal("SignatureDoesNotMatch", refused.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var http = new HttpClient();
        var anonymous = await http.GetAsync(_cluster!.Proxy.S3Endpoint, Token);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        var body = await anonymous.Content.ReadAsStringAsync(Token);
        Assert.Contains("<Code>AccessDenied</Code>", body, StringComparison.Ordinal);

        // A request an hour old, and a presigned URL that expired: refused before any signature is checked.
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        var date = hourAgo.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var stamp = hourAgo.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using var skewed = new HttpRequestMessage(HttpMethod.Get, _cluster!.Proxy.S3Endpoint);
        skewed.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={ProxyAccessKey}/{date}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={new string('0', 64)}");
        skewed.Headers.Add("x-amz-date", stamp);
        skewed.Headers.Add("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        var tooSkewed = await http.SendAsync(skewed, Token);
        Assert.Equal(HttpStatusCode.Forbidden, tooSkewed.StatusCode);
        Assert.Contains("<Code>RequestTimeTooSkewed</Code>", await tooSkewed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var expired = await http.GetAsync(
            new Uri($"{_cluster!.Proxy.S3Endpoint}/data/x?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={ProxyAccessKey}%2F{date}%2Fus-east-1%2Fs3%2Faws4_request"
                + $"&X-Amz-Date={stamp}&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature={new string('0', 64)}"),
            Token);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        using var right = Client(ProxySecret);
        Assert.NotNull(await right.ListBucketsAsync(Token));
        var info = await http.GetStringAsync(new Uri(_cluster!.Proxy.Uri, "api/v1/proxy/info"), Token);

        foreach (var secret in new[] { ProxySecret, TestKodo.SecretKey, "FAKE-WRONG-SECRET-3a9c" })
        {
            _cluster!.Cluster.AssertSecretNeverShown(secret);
            Assert.DoesNotContain(secret, refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, info, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, _cluster!.Proxy.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(_cluster!.Proxy.LogFile, Token), StringComparison.Ordinal);
        }
    }

    private AmazonS3Client Client(string secret) =>
        new(
            new BasicAWSCredentials(ProxyAccessKey, secret),
            new AmazonS3Config { ServiceURL = _cluster!.Proxy.S3Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", UseHttp = true });

    /// <summary>Looks the key up in the emulator's bucket with the official Qiniu Node SDK (tests/kodo-sdk-conformance/tools/stat-object.js).</summary>
    private async Task<JsonElement> StatThroughNodeSdkAsync(string key)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "kodo-sdk-conformance");
        var run = await ProcessRun.RunAsync(
            "node",
            new Dictionary<string, string> { ["KODO_HOST"] = _emulator!.Endpoint, ["KODO_AK"] = TestKodo.AccessKey, ["KODO_SK"] = TestKodo.SecretKey },
            [Path.Combine(folder, "tools", "stat-object.js"), TestKodo.Bucket, key],
            Token);
        Assert.True(run.ExitCode == 0, run.All);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }
}
