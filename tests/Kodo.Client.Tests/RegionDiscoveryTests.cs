using Microsoft.Extensions.Time.Testing;
namespace Kodo.Client.Tests;

/// <summary>Without up/rs/rsf hosts the client asks uc's /v4/query once and keeps the answer for its ttl.</summary>
public sealed class RegionDiscoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoHostsConfigured_QueriesUcOnceForManyCalls()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null });
        await host.ResetCountersAsync();

        var calls = new List<Task>();
        for (var i = 0; i < 8; i++)
        {
            var key = "k" + i;
            calls.Add(Task.Run(async () =>
            {
                await client.PutAsync(key, new byte[] { 1, 2 }, Ct);
                Assert.NotNull(await client.StatAsync(key, Ct));
            }, Ct));
        }

        await Task.WhenAll(calls);
        Assert.Equal(8, (await client.ListAsync(cancellationToken: Ct)).Items.Count);
        Assert.True(await client.CopyAsync("k0", "copy", cancellationToken: Ct));
        Assert.True(await client.DeleteAsync("copy", Ct));
        await using (var stream = client.OpenWrite("streamed"))
        {
            await stream.WriteAsync(new byte[5 * TestContent.MiB], Ct);
        }

        var counters = await host.CountersAsync();
        Assert.Equal(1, counters["uc.query"]);
        Assert.Equal(8, counters["up.form"]);
        Assert.Equal(8, counters["rs.stat"]);
        Assert.Equal(1, counters["rsf.list"]);
        Assert.Equal(1, counters["up.v2.complete"]);
    }

    [Fact]
    public async Task SomeHostsConfigured_TheOthersComeFromUc()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { RsEndpoint = null });
        await host.ResetCountersAsync();

        await client.PutAsync("k", new byte[] { 1 }, Ct);
        Assert.NotNull(await client.StatAsync("k", Ct));

        Assert.Equal(1, await host.CounterAsync("uc.query"));
    }

    [Fact]
    public async Task AllHostsConfigured_NeverQueriesUc()
    {
        await using var host = await ClientHost.StartAsync();

        await host.Client.PutAsync("k", new byte[] { 1 }, Ct);
        Assert.NotNull(await host.Client.StatAsync("k", Ct));

        Assert.Equal(0, await host.CounterAsync("uc.query"));
    }

    [Fact]
    public async Task UnknownBucket_FailsTheQueryWith631()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { Bucket = "nope", UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null });

        var error = await Assert.ThrowsAsync<KodoException>(() => client.StatAsync("k", Ct));

        Assert.Equal(631, error.StatusCode);
        Assert.Contains("region query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredAnswer_IsAskedForAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ClientHost.StartAsync(time: clock);
        var client = host.CreateClient(o => o with { UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null, TimeProvider = clock });
        await host.ResetCountersAsync();

        Assert.Null(await client.StatAsync("k", Ct));
        Assert.Null(await client.StatAsync("k", Ct));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await client.StatAsync("k", Ct));

        Assert.Equal(2, await host.CounterAsync("uc.query"));
    }
}
