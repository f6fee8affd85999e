using System.Globalization;
using Kodo.Protocol;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Tests;

/// <summary>
/// The drop-after fault: the request is served, then its response is lost to a cut connection, so a client that
/// retries meets the effect of its first attempt (a delete finds nothing, a copy finds the target).
/// </summary>
public sealed class DropFaultTests
{
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DropAfter_Delete_DeletesAndTheClientSeesAConnectionError()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "doomed", [1, 2, 3]);
        await SetDropAfterRateAsync(host, 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Kodo.DeleteAsync(Bucket, "doomed"));

        await SetDropAfterRateAsync(host, 0);
        using var stat = await host.Kodo.StatAsync(Bucket, "doomed");
        await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
        using var retry = await host.Kodo.DeleteAsync(Bucket, "doomed");
        await KodoAssert.ErrorAsync(retry, 612, KodoErrorMessages.NoSuchFileOrDirectory);
        Assert.True((await host.Fixture.CountersAsync(Ct))[EmulatorCounters.DroppedResponses] >= 1);
    }

    [Fact]
    public async Task DropAfter_Copy_LandsAndTheClientSeesAConnectionError()
    {
        await using var host = await EmulatorHost.StartAsync();
        var hash = await host.Kodo.UploadAsync(Bucket, "source", [4, 5]);
        await SetDropAfterRateAsync(host, 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Kodo.CopyAsync(Bucket, "source", "target", force: false));

        await SetDropAfterRateAsync(host, 0);
        using var stat = await host.Kodo.StatAsync(Bucket, "target");
        Assert.Equal(hash, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("hash").GetString());
        using var retry = await host.Kodo.CopyAsync(Bucket, "source", "target", force: false);
        await KodoAssert.ErrorAsync(retry, 614, KodoErrorMessages.FileExists);
    }

    [Theory]
    [InlineData("rs.stat")]
    [InlineData("rs.move")]
    [InlineData("rs.batch")]
    [InlineData("rsf.list")]
    [InlineData("up.form")]
    [InlineData("up.mkblk")]
    [InlineData("up.bput")]
    [InlineData("up.mkfile")]
    [InlineData("up.v2.init")]
    [InlineData("up.v2.part")]
    [InlineData("up.v2.complete")]
    [InlineData("io.get")]
    public async Task DropAfter_EachApi_ActsThenLosesItsResponse(string api)
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "present", [7, 7, 7]);
        var (act, landed) = await PrepareAsync(host, api);
        await SetDropAfterRateAsync(host, 1);

        await Assert.ThrowsAsync<HttpRequestException>(async () => (await act()).Dispose());

        await SetDropAfterRateAsync(host, 0);
        Assert.True(await landed(), $"{api} did not take effect");
        var counters = await host.Fixture.CountersAsync(Ct);
        // HttpClient resends once on a fresh connection when a reused one dies before any answer.
        Assert.InRange(counters[EmulatorCounters.DroppedResponses], 1, 2);
        Assert.True(counters[api] >= 1);
    }

    [Fact]
    public async Task DropAfter_FaultsEndpoint_ReportsTheRate()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var set = await host.Kodo.SetFaultsAsync("""{"dropAfterRate":0.25}""");

        Assert.Equal(0.25, (await KodoAssert.JsonAsync(set, 200)).GetProperty("dropAfterRate").GetDouble());
        Assert.Equal(0.25, host.Server.Faults.DropAfterRate);
        using var invalid = await host.Kodo.SetFaultsAsync("""{"dropAfterRate":1.5}""");
        await KodoAssert.ErrorAsync(invalid, 400, null);
    }

    private static async Task SetDropAfterRateAsync(EmulatorHost host, double rate)
    {
        using var response = await host.Kodo.SetFaultsAsync($$"""{"dropAfterRate":{{rate.ToString(CultureInfo.InvariantCulture)}}}""");
        await KodoAssert.JsonAsync(response, 200);
    }

    /// <summary>The request to drop, made ready with faults off, and how to tell afterwards that it acted.</summary>
    private static async Task<(Func<Task<HttpResponseMessage>> Act, Func<Task<bool>> Landed)> PrepareAsync(EmulatorHost host, string api)
    {
        var kodo = host.Kodo;
        var token = kodo.UploadToken(Bucket, "new");
        var always = () => Task.FromResult(true);
        var exists = async () =>
        {
            using var stat = await kodo.StatAsync(Bucket, "new");
            return stat.IsSuccessStatusCode;
        };
        var objectPath = MultipartV2Tests.ObjectPath(UrlSafeBase64.EncodeString("new"));
        switch (api)
        {
            case "rs.stat":
                return (() => kodo.StatAsync(Bucket, "present"), always);
            case "rs.move":
                return (() => kodo.CopyAsync(Bucket, "present", "new", force: false, move: true), exists);
            case "rs.batch":
                return (() => kodo.BatchAsync(["copy/" + KodoRequests.Entry(Bucket, "present") + "/" + KodoRequests.Entry(Bucket, "new")], encoded: false), exists);
            case "rsf.list":
                return (() => kodo.ListAsync(Bucket), always);
            case "up.form":
                return (() => kodo.FormUploadAsync(token, "new", [1]), exists);
            case "up.mkblk":
                return (() => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkblk/1", token, KodoRequests.Octets([1]))), always);
            case "io.get":
                return (() => kodo.SendAsync(kodo.Download(kodo.SignedUrl(EmulatorHost.DefaultDomain(), "present"))), always);
            case "up.v2.init":
                return (() => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, objectPath, token, KodoRequests.Json(""))), always);
            default:
                break;
        }

        if (api is "up.bput" or "up.mkfile")
        {
            // A block of 2 bytes leaves room for the bput; mkfile needs its 1-byte block complete.
            var blockSize = api == "up.bput" ? 2 : 1;
            using var mkblk = await kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"/mkblk/{blockSize}", token, KodoRequests.Octets([1])));
            var ctx = (await KodoAssert.JsonAsync(mkblk, 200)).GetProperty("ctx").GetString()!;
            return api == "up.bput"
                ? (() => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"/bput/{ctx}/1", token, KodoRequests.Octets([2]))), always)
                : (() => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, $"/mkfile/1/key/{UrlSafeBase64.EncodeString("new")}", token, new StringContent(ctx))), exists);
        }

        var uploadId = await MultipartV2Tests.InitiateAsync(host, token, objectPath);
        if (api == "up.v2.part")
        {
            return (
                () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Put, $"{objectPath}/{uploadId}/1", token, KodoRequests.Octets([9]))),
                async () =>
                {
                    using var parts = await kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, $"{objectPath}/{uploadId}", token));
                    return (await KodoAssert.JsonAsync(parts, 200)).GetProperty("parts").GetArrayLength() == 1;
                }
            );
        }

        var etag = await MultipartV2Tests.PutPartAsync(host, token, objectPath, uploadId, 1, [9], sendMd5: false);
        return (() => MultipartV2Tests.CompleteAsync(host, token, objectPath, uploadId, MultipartV2Tests.PartsJson([etag])), exists);
    }
}
