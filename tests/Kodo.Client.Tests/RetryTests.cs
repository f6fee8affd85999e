using Kodo.Protocol.Hashing;
using Microsoft.Extensions.Time.Testing;

namespace Kodo.Client.Tests;

/// <summary>Retries under injected faults, what is never retried, and the per-call deadline.</summary>
public sealed class RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithFaults_EveryOperationStillSucceeds()
    {
        await using var host = await ClientHost.StartAsync(o => o with
        {
            UpEndpoint = null,
            RsEndpoint = null,
            RsfEndpoint = null,
            MaxRetries = 12,
            PartSize = 4 * TestContent.MiB,
            RetryBaseDelay = TimeSpan.FromMilliseconds(2),
        });
        var client = host.Client;
        var big = TestContent.Bytes(20 * TestContent.MiB);
        await host.SetFaultsAsync("""{"faultRate":0.3,"faultStatuses":[503,"reset"]}""");
        var calls = 0;

        for (var i = 0; i < 10; i++)
        {
            await client.PutAsync("small/" + i, TestContent.Bytes(100, i), Ct);
            calls++;
            Assert.Equal(100, (await client.StatAsync("small/" + i, Ct))!.Size);
            calls++;
        }

        Assert.Null(await client.StatAsync("missing", Ct));
        calls++;
        Assert.Equal(10, (await client.ListAsync("small/", cancellationToken: Ct)).Items.Count);
        calls++;
        Assert.True(await client.CopyAsync("small/0", "copied", cancellationToken: Ct));
        calls++;
        Assert.True(await client.MoveAsync("copied", "moved", cancellationToken: Ct));
        calls++;
        Assert.True(await client.DeleteAsync("moved", Ct));
        calls++;

        KodoPutResult put;
        await using (var stream = client.OpenWrite("big"))
        {
            for (var offset = 0; offset < big.Length; offset += 1_000_000)
            {
                await stream.WriteAsync(big.AsMemory(offset, Math.Min(1_000_000, big.Length - offset)), Ct);
            }

            put = await stream.CompleteAsync(Ct);
        }

        calls += 1 + 5 + 1;
        Assert.Equal(Qetag.Compute(big), put.Hash);

        await using (var read = await client.OpenReadAsync("big", cancellationToken: Ct))
        {
            var all = await ClientContent.ReadAllAsync(read);
            Assert.True(big.AsSpan().SequenceEqual(all));
        }

        calls++;
        await using (var ranged = await client.OpenReadAsync("big", 7 * TestContent.MiB, 3 * TestContent.MiB, Ct))
        {
            var part = await ClientContent.ReadAllAsync(ranged);
            Assert.True(big.AsSpan(7 * TestContent.MiB, 3 * TestContent.MiB).SequenceEqual(part));
        }

        calls++;
        var deleted = await client.DeleteManyAsync(Enumerable.Range(0, 10).Select(i => "small/" + i), Ct);
        calls++;
        Assert.All(deleted, r => Assert.True(r.Succeeded));

        await host.SetFaultsAsync("""{"faultRate":0}""");
        var requests = (await host.CountersAsync()).Where(c => c.Key != "uc.query").Sum(c => c.Value);
        Assert.True(requests > calls, $"{requests} requests for {calls} calls");
        Assert.Equal(Qetag.Compute(big), (await client.StatAsync("big", Ct))!.Hash);
    }

    [Fact]
    public async Task WrongSecret_IsNotRetried_AndIsAnAuthenticationErrorWithoutTheSecret()
    {
        await using var host = await ClientHost.StartAsync();
        const string Secret = "this-secret-must-not-leak";
        var bad = host.CreateClient(o => o with { SecretKey = Secret });

        var error = await Assert.ThrowsAsync<KodoException>(() => bad.StatAsync("k", Ct));

        Assert.True(error.IsAuthentication);
        Assert.False(error.IsRetryable);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("bad token", error.ErrorText);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(1, await host.CounterAsync("rs.stat"));
        var put = await Assert.ThrowsAsync<KodoException>(() => bad.PutAsync("k", new byte[] { 1 }, Ct));
        Assert.True(put.IsAuthentication);
        Assert.Equal(1, await host.CounterAsync("up.form"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(406)]
    [InlineData(501)]
    [InlineData(579)]
    [InlineData(631)]
    public async Task FinalStatuses_AreNotRetried(int status)
    {
        await using var host = await ClientHost.StartAsync();
        await host.SetFaultsAsync($$"""{"faultRate":1,"faultStatuses":[{{status}}]}""");

        var error = await Assert.ThrowsAsync<KodoException>(() => host.Client.StatAsync("k", Ct));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, await host.CounterAsync("rs.stat"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(599)]
    public async Task ServerErrors_AreRetriedUpToMaxRetries(int status)
    {
        await using var host = await ClientHost.StartAsync(o => o with { MaxRetries = 3 });
        await host.SetFaultsAsync($$"""{"faultRate":1,"faultStatuses":[{{status}}]}""");

        var error = await Assert.ThrowsAsync<KodoException>(() => host.Client.StatAsync("k", Ct));

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.IsRetryable);
        Assert.Equal(4, await host.CounterAsync("rs.stat"));
    }

    [Fact]
    public async Task ConnectionResets_AreRetried_ThenReportedAsNetworkErrors()
    {
        await using var host = await ClientHost.StartAsync(o => o with { MaxRetries = 2 });
        await host.SetFaultsAsync("""{"faultRate":1,"faultStatuses":["reset"]}""");

        var error = await Assert.ThrowsAsync<KodoException>(() => host.Client.StatAsync("k", Ct));

        Assert.Equal(KodoException.NoStatus, error.StatusCode);
        Assert.False(error.IsTimeout);
        Assert.Equal(3, await host.CounterAsync("rs.stat"));
    }

    [Fact]
    public async Task RequestTimeout_EndsACallStuckOnLatency()
    {
        // The deadline runs on the client's clock: once the request is at the server, the clock jumps past it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sent = new SignallingHandler();
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(300), TimeProvider = clock }, sent);
        await host.SetFaultsAsync("""{"latencyMs":60000}""");

        var stat = client.StatAsync("k", Ct);
        await sent.FirstRequest.WaitAsync(Ct);
        clock.Advance(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<KodoException>(() => stat);
        Assert.True(error.IsTimeout);
        Assert.Contains("timed out after 300 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellation_StaysAnOperationCanceledException()
    {
        await using var host = await ClientHost.StartAsync();
        await host.SetFaultsAsync("""{"latencyMs":20000}""");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.StatAsync("k", cancel.Token));
    }

    [Fact]
    public async Task DisposedClient_Throws()
    {
        await using var host = await ClientHost.StartAsync();
        var client = host.CreateClient();
        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.StatAsync("k", Ct));
        Assert.Throws<ObjectDisposedException>(() => client.OpenWrite("k"));
    }
}
