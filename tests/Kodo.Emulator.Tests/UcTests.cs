namespace Kodo.Emulator.Tests;

/// <summary>
/// The uc host: the region query (§3.2) answers every version for a known bucket and 631 otherwise; the bucket
/// admin calls (§4.12) answer a missing bucket parameter as a missing bucket.
/// </summary>
public sealed class UcTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Query_KnownBucket_PointsAtTheEmulator(int version)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.GetAsync($"/v{version}/query?ak={EmulatorHost.AccessKey}&bucket={EmulatorHost.Bucket}");

        var body = await KodoAssert.JsonAsync(response, 200);
        Assert.Contains(host.Kodo.Endpoint, body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?bucket=bucket-a")]
    [InlineData("?ak=test-access-key")]
    [InlineData("?ak=other&bucket=bucket-a")]
    [InlineData("?ak=test-access-key&bucket=nope")]
    public async Task Query_MissingOrUnknownParameters_Is631(string query)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.GetAsync("/v4/query" + query);

        await KodoAssert.ErrorAsync(response, 631, "no such bucket");
    }

    [Fact]
    public async Task BucketInfo_WithoutABucket_Is612()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Get, "/v2/bucketInfo"));

        await KodoAssert.ErrorAsync(response, 612, "no such bucket");
    }

    [Theory]
    [InlineData("/private")]
    [InlineData("/private?private=1")]
    [InlineData("/private?bucket=nope&private=1")]
    public async Task Private_WithoutAKnownBucket_Is631(string pathAndQuery)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Post, pathAndQuery, []));

        await KodoAssert.ErrorAsync(response, 631, "no such bucket");
    }

    [Fact]
    public async Task Private_Zero_MakesDownloadsPublic()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(EmulatorHost.Bucket, "k", [7]);

        using (var response = await host.Kodo.SendAsync(host.Kodo.Management(HttpMethod.Post, $"/private?bucket={EmulatorHost.Bucket}&private=0", [])))
        {
            await KodoAssert.EmptyAsync(response);
        }

        using var download = await host.Kodo.SendAsync(host.Kodo.Download(KodoRequests.DomainUrl(EmulatorHost.DefaultDomain(), "k")));
        Assert.Equal([7], await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
