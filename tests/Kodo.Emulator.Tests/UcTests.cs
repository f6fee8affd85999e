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

    [Fact]
    public async Task Buckets_CreateListAndDrop_AsUcDoesThem()
    {
        await using var host = await EmulatorHost.StartAsync();
        var kodo = host.Kodo;

        using var created = await kodo.SendAsync(kodo.Management(HttpMethod.Post, "/mkbucketv3/bucket-new/region/z0", []));
        using var again = await kodo.SendAsync(kodo.Management(HttpMethod.Post, "/mkbucketv3/bucket-new/region/z0", []));
        using var invalid = await kodo.SendAsync(kodo.Management(HttpMethod.Post, "/mkbucketv3/no_such!name/region/z0", []));
        using var listed = await kodo.SendAsync(kodo.Management(HttpMethod.Get, "/buckets"));

        await KodoAssert.EmptyAsync(created);
        await KodoAssert.ErrorAsync(again, 614, null);
        await KodoAssert.ErrorAsync(invalid, 400, "invalid argument");
        var names = (await KodoAssert.JsonAsync(listed, 200)).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([EmulatorHost.Bucket, "bucket-new"], names);

        await kodo.UploadAsync("bucket-new", "k", [1, 2, 3]);
        using var notEmpty = await kodo.SendAsync(kodo.Management(HttpMethod.Post, "/drop/bucket-new", []));
        await KodoAssert.ErrorAsync(notEmpty, 403, null);
        using var deleted = await kodo.DeleteAsync("bucket-new", "k");
        await KodoAssert.EmptyAsync(deleted);
        using var dropped = await kodo.SendAsync(kodo.Management(HttpMethod.Post, "/drop/bucket-new", []));
        await KodoAssert.EmptyAsync(dropped);
        using var missing = await kodo.SendAsync(kodo.Management(HttpMethod.Post, "/drop/bucket-new", []));
        await KodoAssert.ErrorAsync(missing, 631, "no such bucket");
        using var unsigned = await kodo.Http.PostAsync("/mkbucketv3/other/region/z0", null, TestContext.Current.CancellationToken);
        await KodoAssert.ErrorAsync(unsigned, 401, "token not specified");
    }
}
