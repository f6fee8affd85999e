namespace Kodo.Emulator.Tests;

/// <summary>
/// Which Host a download may use: a bucket's configured domain, &lt;bucket&gt;.kodo-emulator.local when none is
/// configured for it, or the emulator's own address when it has one bucket. Any other Host is refused, and on a
/// download domain every key is an object, even one shaped like an emulator path.
/// </summary>
public sealed class DownloadDomainTests
{
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("__emulator/x")]
    [InlineData("__emulator/counters")]
    [InlineData("buckets/x")]
    [InlineData("buckets/b/objects/k/uploads")]
    [InlineData("v4/query")]
    [InlineData("stat/x")]
    public async Task KeyShapedLikeAnApiPath_IsReachableOnTheDomainAndWithASignedUrlOnTheEndpoint(string key)
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, key, [3, 1, 4]);

        using var onDomain = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), key)));
        using var onEndpoint = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(host.Kodo.Endpoint, key)));

        Assert.Equal([3, 1, 4], await onDomain.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal([3, 1, 4], await onEndpoint.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task PublicBucket_KeyUnderEmulatorPath_IsServedOnTheDomainWhileTheAdminApiStaysOnTheEndpoint()
    {
        await using var host = await EmulatorHost.StartAsync(EmulatorHost.Options() with { Private = false });
        await host.Kodo.UploadAsync(Bucket, "__emulator/counters", [8]);

        using var onDomain = await host.Kodo.SendAsync(host.Kodo.Download(KodoRequests.DomainUrl(EmulatorHost.DefaultDomain(), "__emulator/counters")));
        using var admin = await host.Kodo.GetAsync("/__emulator/counters");

        Assert.Equal([8], await onDomain.Content.ReadAsByteArrayAsync(Ct));
        Assert.True((await KodoAssert.JsonAsync(admin, 200)).TryGetProperty("counters", out _));
    }

    [Theory]
    [InlineData("unknown.example.test")]
    [InlineData("bucket-b.kodo-emulator.local")]
    [InlineData("kodo-emulator.local")]
    public async Task UnknownHost_Is404NoSuchDomain(string domain)
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", [1]);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(domain, "k")));

        await KodoAssert.ErrorAsync(response, 404, "no such domain");
    }

    [Fact]
    public async Task EndpointAddress_WithTwoBuckets_IsNoBucketsDomain()
    {
        await using var host = await EmulatorHost.StartAsync("bucket-a", "bucket-b");
        await host.Kodo.UploadAsync(Bucket, "k", [1]);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(host.Kodo.Endpoint, "k")));

        await KodoAssert.ErrorAsync(response, 404, "no such domain");
    }

    [Fact]
    public async Task ConfiguredDomain_ReplacesTheDefaultOne()
    {
        await using var host = await EmulatorHost.StartAsync(EmulatorHost.Options(null, "bucket-a", "bucket-b") with
        {
            Domains = new Dictionary<string, string> { ["cdn.example.test"] = "bucket-a" },
        });
        await host.Kodo.UploadAsync(Bucket, "k", [1]);

        using var configured = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl("cdn.example.test", "k")));
        using var replaced = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain("bucket-a"), "k")));

        Assert.Equal(200, (int)configured.StatusCode);
        await KodoAssert.ErrorAsync(replaced, 404, "no such domain");
        Assert.Equal("cdn.example.test", host.Server.DomainOf("bucket-a"));
        Assert.Equal(EmulatorHost.DefaultDomain("bucket-b"), host.Server.DomainOf("bucket-b"));
    }

    [Fact]
    public async Task BucketMadeWhileRunning_AnswersOnItsDefaultDomain()
    {
        await using var host = await EmulatorHost.StartAsync();
        using (var make = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Post, "/mkbucketv3/later/region/z0", [])))
        {
            Assert.Equal(200, (int)make.StatusCode);
        }

        await host.Kodo.UploadAsync("later", "k", [6]);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain("later"), "k")));

        Assert.Equal([6], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task DownloadDomain_OtherMethods_Are405()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", [1]);

        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "k"), HttpMethod.Post));

        await KodoAssert.ErrorAsync(response, 405, null);
    }
}
