using System.Net;
using System.Net.Sockets;

namespace Kodo.Client.Tests;

/// <summary>Region discovery as robust as the official SDKs: fallback uc hosts, failover across listed domains, bounded waits, clear errors.</summary>
public sealed class RegionFailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDefaultUcFallsBackToTheHostsTheSdksUse()
    {
        await using var host = await ClientHost.StartAsync();
        var routing = new RoutingHandler(host.Endpoint);
        routing.Down.Add("uc.qiniuapi.com");
        var client = host.CreateClient(
            o => o with { UcEndpoint = KodoClientOptions.DefaultUcEndpoint, UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null },
            routing);

        Assert.Null(await client.StatAsync("missing", Ct));

        Assert.Equal(["uc.qiniuapi.com", "kodo-config.qiniuapi.com"], routing.Asked.Take(2));
    }

    [Fact]
    public async Task AConfiguredUcHasNoFallback()
    {
        await using var host = await ClientHost.StartAsync();
        var routing = new RoutingHandler(host.Endpoint);
        routing.Down.Add("uc.example.internal");
        var client = host.CreateClient(
            o => o with { UcEndpoint = "http://uc.example.internal", UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null, MaxRetries = 2 },
            routing);

        var error = await Assert.ThrowsAsync<KodoException>(() => client.StatAsync("x", Ct));

        Assert.All(routing.Asked, a => Assert.Equal("uc.example.internal", a));
        Assert.Contains("host uc.example.internal", error.Message, StringComparison.Ordinal);
        Assert.Contains("alluxio.underfs.kodo.uc.endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDomainARegionListsIsTriedInOrderAndADownOneStopsBeingFirst()
    {
        await using var host = await ClientHost.StartAsync();
        var routing = new RoutingHandler(host.Endpoint)
        {
            RegionAnswer = $$$"""
                {"hosts":[{"region":"z0","ttl":86400,
                  "up":{"domains":["up-a.example","{{{host.Endpoint}}}"]},
                  "rs":{"domains":["rs-a.example","{{{host.Endpoint}}}"]},
                  "rsf":{"domains":["rsf-a.example","{{{host.Endpoint}}}"]}}]}
                """,
        };
        routing.Down.UnionWith(["up-a.example", "rs-a.example", "rsf-a.example"]);
        var client = host.CreateClient(o => o with { UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null }, routing);

        await client.PutAsync("k", new byte[] { 1 }, Ct);
        Assert.NotNull(await client.StatAsync("k", Ct));
        Assert.NotNull(await client.StatAsync("k", Ct));
        Assert.Single((await client.ListAsync(cancellationToken: Ct)).Items);

        Assert.Equal(1, routing.Asked.Count(a => a == "rs-a.example"));
        Assert.Equal(1, routing.Asked.Count(a => a == "up-a.example"));
        Assert.Equal(1, routing.Asked.Count(a => a == "rsf-a.example"));
    }

    [Fact]
    public async Task AUcThatAcceptsAndNeverAnswersGivesUpWithinTheConnectTimeout()
    {
        await using var host = await ClientHost.StartAsync();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var silentEndpoint = "127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port;
        var client = host.CreateClient(o => o with
        {
            UcEndpoint = "http://" + silentEndpoint,
            UpEndpoint = null,
            RsEndpoint = null,
            RsfEndpoint = null,
            ConnectTimeout = TimeSpan.FromMilliseconds(300),
            RequestTimeout = TimeSpan.FromMinutes(2),
        });

        var error = await Assert.ThrowsAsync<KodoException>(() => client.StatAsync("x", Ct));

        // The host's connect timeout ended the wait, not the two-minute request deadline.
        Assert.Contains(" 300 ms", error.Message, StringComparison.Ordinal);
        Assert.Contains("host " + silentEndpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("alluxio.underfs.kodo.uc.endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongAccessKeySaysSo()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { AccessKey = "not-the-owner", UpEndpoint = null, RsEndpoint = null, RsfEndpoint = null });

        var error = await Assert.ThrowsAsync<KodoException>(() => client.StatAsync("x", Ct));

        Assert.True(error.IsNoSuchBucket);
        Assert.Contains("no bucket 'b' belongs to this access key: check the bucket in the kodo:// URI and fs.kodo.accesskey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadHostThatIsDownIsNamedWithItsSettings()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { IoEndpoint = "127.0.0.1:1", MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<KodoException>(() => client.OpenReadAsync("x", cancellationToken: Ct));

        Assert.Contains("host 127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("alluxio.underfs.kodo.endpoint and alluxio.underfs.kodo.downloadhost", error.Message, StringComparison.Ordinal);
    }
}
