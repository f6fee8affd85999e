using System.Globalization;
using Alluxio.Testing;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>
/// The proxy's listings, which walk directories of the namespace, page for page against the emulator's S3 face,
/// which lists a sorted set of keys as S3 does: the same keys, every combination of prefix, delimiter, page size and
/// start-after, followed through every continuation token.
/// </summary>
public sealed class S3ListingAgreementTests : IAsyncLifetime
{
    private const string Bucket = "listing";

    // Names where key order and name order part ('-' and '.' sort before '/'), code point order and UTF-16 order
    // part (U+FF0C against an emoji), and directories several levels deep.
    private static readonly string[] s_keys =
    [
        "a-c", "a.x", "a/b", "a/c-e", "a/c/d", "a/c/e/f", "a0", "b", "b0", "c-z", "c/x", "c/y", "c/z/1", "c/z/2", "d\uFF0C", "d😀", "d😀x/y",
    ];

    private ProxyCluster? _cluster;
    private KodoEmulatorFixture? _emulator;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ProxyCluster.StartAsync(cancellationToken: Token);
        var options = KodoEmulatorFixture.CreateOptions(TestKodo.AccessKey, TestKodo.SecretKey, Bucket) with { S3Host = "127.0.0.1" };
        _emulator = await KodoEmulatorFixture.StartAsync(options, Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryListingOfTheProxyMatchesTheEmulatorsPageForPage()
    {
        using var proxy = Client(_cluster!.Proxy.S3Endpoint.ToString(), "alluxio-user", "FAKE-PROXY-SECRET-unused", "us-east-1");
        using var kodo = Client("http://" + _emulator!.Server.S3Endpoint, TestKodo.AccessKey, TestKodo.SecretKey, _emulator.Options.S3Region);
        await proxy.PutBucketAsync(Bucket, Token);
        foreach (var key in s_keys)
        {
            foreach (var s3 in new[] { proxy, kodo })
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = key }, Token);
            }
        }

        var compared = 0;
        foreach (var prefix in new[] { "", "a", "a/", "a/c", "c/", "d", "zzz" })
        {
            foreach (var delimiter in new[] { null, "/" })
            {
                foreach (var maxKeys in new[] { 1, 2, 1000 })
                {
                    foreach (var startAfter in new[] { null, "a", "a/b", "a/c", "a/c/", "b", "c/x", "d\uFF0C" })
                    {
                        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, Delimiter = delimiter, MaxKeys = maxKeys, StartAfter = startAfter };
                        var expected = await PagesAsync(kodo, request);
                        var actual = await PagesAsync(proxy, request);
                        Assert.True(
                            expected.SequenceEqual(actual),
                            string.Create(CultureInfo.InvariantCulture, $"prefix '{prefix}', delimiter '{delimiter}', max-keys {maxKeys}, start-after '{startAfter}':\nemulator: {string.Join(" | ", expected)}\nproxy:    {string.Join(" | ", actual)}"));
                        compared += expected.Count;
                    }
                }
            }
        }

        Assert.True(compared > 500, $"only {compared} pages were compared");
    }

    /// <summary>Every page of a listing, each as "keys; common prefixes", following the continuation tokens.</summary>
    private static async Task<List<string>> PagesAsync(AmazonS3Client s3, ListObjectsV2Request first)
    {
        var pages = new List<string>();
        var request = first;
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, Token);
            var keys = string.Join(' ', page.S3Objects?.Select(o => o.Key) ?? []);
            var prefixes = string.Join(' ', page.CommonPrefixes ?? []);
            pages.Add($"{keys}; {prefixes}");
            if (page.IsTruncated != true)
            {
                return pages;
            }

            Assert.True(pages.Count <= s_keys.Length, "the listing does not end");
            request = new ListObjectsV2Request
            {
                BucketName = first.BucketName,
                Prefix = first.Prefix,
                Delimiter = first.Delimiter,
                MaxKeys = first.MaxKeys,
                ContinuationToken = page.NextContinuationToken,
            };
        }
    }

    private static AmazonS3Client Client(string endpoint, string accessKey, string secretKey, string region) =>
        new(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = region, UseHttp = true });
}
