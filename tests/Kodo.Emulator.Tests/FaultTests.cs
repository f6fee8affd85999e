using System.Diagnostics;
using System.Text.Json;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Tests;

/// <summary>The emulator's own /__emulator/ endpoints: fault injection and per-API request counters.</summary>
public sealed class FaultTests
{
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Faults_Rate1Status503_FailsAStatWithAKodoShapedBody()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", [1]);
        using (var set = await host.Kodo.SetFaultsAsync("""{"faultRate":1,"faultStatuses":[503]}"""))
        {
            var settings = await KodoAssert.JsonAsync(set, 200);
            Assert.Equal(1, settings.GetProperty("faultRate").GetDouble());
            Assert.Equal([503], settings.GetProperty("faultStatuses").EnumerateArray().Select(s => s.GetInt32()));
        }

        using var stat = await host.Kodo.StatAsync(Bucket, "k");

        await KodoAssert.ErrorAsync(stat, 503, null);
    }

    [Fact]
    public async Task Faults_Rate0_RestoresNormalService()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", [1]);
        using (var on = await host.Kodo.SetFaultsAsync("""{"faultRate":1,"faultStatuses":[599]}"""))
        {
            await KodoAssert.JsonAsync(on, 200);
        }

        using (var failed = await host.Kodo.StatAsync(Bucket, "k"))
        {
            await KodoAssert.ErrorAsync(failed, 599, null);
        }

        using (var off = await host.Kodo.SetFaultsAsync("""{"faultRate":0}"""))
        {
            await KodoAssert.JsonAsync(off, 200);
        }

        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        Assert.Equal(1, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("fsize").GetInt64());
    }

    [Fact]
    public async Task Counters_CountEachApi_IncludingFailedCalls()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k", [1]);
        using (await host.Kodo.StatAsync(Bucket, "k"))
        using (await host.Kodo.StatAsync(Bucket, "missing", post: true))
        using (await host.Kodo.ListAsync(Bucket))
        using (await host.Kodo.DeleteAsync(Bucket, "missing"))
        using (await host.Kodo.BatchAsync(["stat/" + KodoRequests.Entry(Bucket, "k")], encoded: false))
        using (await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "k"))))
        using (await host.Kodo.SetFaultsAsync("""{"faultRate":1,"faultStatuses":[503]}"""))
        using (await host.Kodo.StatAsync(Bucket, "k"))
        {
        }

        using var response = await host.Kodo.GetAsync("/__emulator/counters");
        var counters = (await KodoAssert.JsonAsync(response, 200)).GetProperty("counters");

        Assert.Equal(
            new Dictionary<string, long> { ["faults.injected"] = 1, ["io.get"] = 1, ["rs.batch"] = 1, ["rs.delete"] = 1, ["rs.stat"] = 3, ["rsf.list"] = 1, ["up.form"] = 1 },
            counters.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));

        using (var reset = await host.Kodo.Http.PostAsync("/__emulator/counters/reset", null, Ct))
        {
            await KodoAssert.EmptyAsync(reset);
        }

        using var after = await host.Kodo.GetAsync("/__emulator/counters");
        Assert.Empty((await KodoAssert.JsonAsync(after, 200)).GetProperty("counters").EnumerateObject());
    }

    [Fact]
    public async Task Faults_Reset_DropsADownloadMidBody()
    {
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(512 * 1024);
        await host.Kodo.UploadAsync(Bucket, "big", content);
        var url = host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "big");
        using (var set = await host.Kodo.SetFaultsAsync("""{"faultRate":1,"faultStatuses":["reset"]}"""))
        {
            Assert.Equal(["reset"], (await KodoAssert.JsonAsync(set, 200)).GetProperty("faultStatuses").EnumerateArray().Select(s => s.GetString()));
        }

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await host.Kodo.SendAsync(host.Kodo.Download(url), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(200, (int)response.StatusCode);
            await response.Content.ReadAsByteArrayAsync(Ct);
        });

        Assert.True(error is IOException or HttpRequestException, $"expected the read to fail, got {error}");
        using (var off = await host.Kodo.SetFaultsAsync("""{"faultRate":0}"""))
        {
            await KodoAssert.JsonAsync(off, 200);
        }

        using var whole = await host.Kodo.SendAsync(host.Kodo.Download(url));
        Assert.Equal(content, await whole.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Faults_Reset_DropsOtherRequestsBeforeAnAnswer()
    {
        await using var host = await EmulatorHost.StartAsync();
        using (var set = await host.Kodo.SetFaultsAsync("""{"faultRate":1,"faultStatuses":["reset"]}"""))
        {
            await KodoAssert.JsonAsync(set, 200);
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Kodo.StatAsync(Bucket, "k"));
    }

    [Fact]
    public async Task Faults_LatencyAndBandwidth_RoundTripThroughGet()
    {
        await using var host = await EmulatorHost.StartAsync();

        using (var set = await host.Kodo.SetFaultsAsync("""{"latencyMs":3,"bandwidth":104857600}"""))
        {
            await KodoAssert.JsonAsync(set, 200);
        }

        using var response = await host.Kodo.GetAsync("/__emulator/faults");
        var settings = await KodoAssert.JsonAsync(response, 200);
        Assert.Equal(["bandwidth", "dropAfterRate", "faultRate", "faultStatuses", "latencyMs"], KodoAssert.PropertyNames(settings));
        Assert.Equal(3, settings.GetProperty("latencyMs").GetInt32());
        Assert.Equal(104857600, settings.GetProperty("bandwidth").GetInt64());
        Assert.Equal(0, settings.GetProperty("faultRate").GetDouble());
        Assert.Equal(JsonValueKind.Array, settings.GetProperty("faultStatuses").ValueKind);
        var content = TestContent.Bytes(64 * 1024);
        await host.Kodo.UploadAsync(Bucket, "slow", content);
        using var download = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "slow")));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Faults_Bandwidth_CapsTheRateOfDownloadAndUploadBodies()
    {
        // 1 MiB at 4 MiB/s cannot take less than 250 ms either way; only the lower bound is checked, so a slow machine passes.
        const int Size = 1024 * 1024;
        const long Cap = 4 * Size;
        var minimum = TimeSpan.FromSeconds(0.8 * Size / Cap);
        await using var host = await EmulatorHost.StartAsync();
        var content = TestContent.Bytes(Size);
        using (var set = await host.Kodo.SetFaultsAsync($$"""{"bandwidth":{{Cap}}}"""))
        {
            await KodoAssert.JsonAsync(set, 200);
        }

        var upload = Stopwatch.StartNew();
        await host.Kodo.UploadAsync(Bucket, "capped", content);
        upload.Stop();
        var download = Stopwatch.StartNew();
        using var response = await host.Kodo.SendAsync(host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "capped")));
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        download.Stop();

        Assert.Equal(content, body);
        Assert.True(upload.Elapsed >= minimum, $"the upload took {upload.Elapsed.TotalMilliseconds:N0} ms, under the cap's {minimum.TotalMilliseconds:N0} ms");
        Assert.True(download.Elapsed >= minimum, $"the download took {download.Elapsed.TotalMilliseconds:N0} ms, under the cap's {minimum.TotalMilliseconds:N0} ms");
    }

    [Theory]
    [InlineData("""{"faultRate":2}""")]
    [InlineData("""{"faultRate":-0.5}""")]
    [InlineData("""{"faultStatuses":[200]}""")]
    [InlineData("""{"faultStatuses":[]}""")]
    [InlineData("""{"faultStatuses":["sometimes"]}""")]
    [InlineData("""{"latencyMs":-1}""")]
    [InlineData("""{"faultRate":"high"}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    public async Task Faults_InvalidSettings_Are400AndKeepTheCurrentOnes(string json)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.Kodo.SetFaultsAsync(json);

        await KodoAssert.ErrorAsync(response, 400, null);
        using var current = await host.Kodo.GetAsync("/__emulator/faults");
        Assert.Equal(0, (await KodoAssert.JsonAsync(current, 200)).GetProperty("faultRate").GetDouble());
        using var stat = await host.Kodo.StatAsync(Bucket, "k");
        await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
    }
}
