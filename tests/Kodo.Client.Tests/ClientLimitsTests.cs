namespace Kodo.Client.Tests;

/// <summary>The client's own limits and its tolerance of odd answers.</summary>
public sealed class ClientLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoMoreThanRequestsMaxCallsAreInFlightUnderLoad()
    {
        await using var host = await ClientHost.StartAsync();
        var counting = new InFlightCountingHandler();
        var client = host.CreateClient(o => o with { MaxConcurrentRequests = 3 }, counting);
        await host.SetFaultsAsync("""{"latencyMs":20}""");

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.StatAsync("k" + i, Ct)));

        Assert.InRange(counting.Most, 2, 3);
    }

    [Fact]
    public void TheConnectTimeoutAndTheLimitReachTheConnectionPool()
    {
        var options = new KodoClientOptions
        {
            AccessKey = "ak",
            SecretKey = "FAKE-SK",
            Bucket = "b",
            DownloadHost = "b.example",
            ConnectTimeout = TimeSpan.FromSeconds(7),
            MaxConcurrentRequests = 5,
        };

        using var handler = KodoClient.CreateHandler(options);

        Assert.Equal(TimeSpan.FromSeconds(7), handler.ConnectTimeout);
        Assert.Equal(5, handler.MaxConnectionsPerServer);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Theory]
    [InlineData("""{"items":null,"commonPrefixes":null,"marker":""}""", 0)]
    [InlineData("""{"marker":""}""", 0)]
    [InlineData("""{"items":[null,{"key":null,"fsize":1},{"key":"a","fsize":1,"hash":"h","putTime":1}],"commonPrefixes":[null,"","p/"]}""", 1)]
    public async Task AListAnswerWithNullsReadsAsWhatItHas(string answer, int items)
    {
        await using var host = await ClientHost.StartAsync();
        using var handler = new StaticAnswerHandler(answer);
        var client = host.CreateClient(handler: handler);

        var page = await client.ListAsync(cancellationToken: Ct);

        Assert.Equal(items, page.Items.Count);
        Assert.All(page.CommonPrefixes, p => Assert.False(string.IsNullOrEmpty(p)));
        Assert.Null(page.Marker);
    }
}
