namespace Kodo.Client.Tests;

/// <summary>
/// The read deadline of <see cref="KodoDownloadStream"/>: a stalled body times out and the read resumes from where
/// it stopped; a body that always stalls fails as a timeout; the caller's cancellation stays a cancellation.
/// </summary>
public sealed class DownloadStreamTimeoutTests
{
    private static readonly TimeSpan s_readTimeout = TimeSpan.FromMilliseconds(300);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_StalledBody_TimesOutAndReopensFromTheCurrentOffset()
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(100_000);
        await host.Client.PutAsync("k", content, Ct);
        using var handler = new StallingHandler(30_000) { Times = 2 };
        var client = host.CreateClient(o => o with { RequestTimeout = s_readTimeout }, handler);
        await host.ResetCountersAsync();

        await using var stream = await client.OpenReadAsync("k", 1000, cancellationToken: Ct);
        var read = await ClientContent.ReadAllAsync(stream);

        Assert.Equal(content.AsSpan(1000).ToArray(), read);
        Assert.Equal(3, await host.CounterAsync("io.get"));
    }

    [Fact]
    public async Task Stream_AlwaysStalled_FailsAsATimeout()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(1000), Ct);
        using var handler = new StallingHandler(0) { Times = int.MaxValue };
        var client = host.CreateClient(o => o with { RequestTimeout = s_readTimeout, MaxRetries = 1 }, handler);

        await using var stream = await client.OpenReadAsync("k", cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<KodoException>(() => ClientContent.ReadAllAsync(stream));

        Assert.True(error.IsTimeout);
        Assert.Contains("read of 'k' timed out after 300 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_CallerCancelsAStalledRead_IsAnOperationCanceledException()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(1000), Ct);
        using var handler = new StallingHandler(0);
        var client = host.CreateClient(handler: handler);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await using var stream = await client.OpenReadAsync("k", cancellationToken: Ct);
        caller.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[10], caller.Token).AsTask());
    }

    [Fact]
    public async Task Stream_ManyReadsWithACancellableToken_KeepTheirDeadline()
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(50_000);
        await host.Client.PutAsync("k", content, Ct);
        var client = host.CreateClient(o => o with { RequestTimeout = s_readTimeout });

        await using var stream = await client.OpenReadAsync("k", cancellationToken: Ct);
        using var read = new MemoryStream();
        var buffer = new byte[1000];
        int count;
        while ((count = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            read.Write(buffer, 0, count);

            // Longer in total than the deadline: each read must get its own, not one started at the first read.
            await Task.Delay(10, Ct);
        }

        Assert.Equal(content, read.ToArray());
    }

    [Fact]
    public async Task Stream_ReadDeadline_RunsOnTheConfiguredTimeProvider()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(10_000), Ct);
        var time = new CountingTimeProvider();
        var client = host.CreateClient(o => o with { TimeProvider = time });

        await using var stream = await client.OpenReadAsync("k", cancellationToken: Ct);
        var afterOpen = time.TimersCreated;
        await ClientContent.ReadAllAsync(stream);

        Assert.True(time.TimersCreated > afterOpen);
    }

    private sealed class CountingTimeProvider : TimeProvider
    {
        private int _timers;

        public int TimersCreated => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return System.CreateTimer(callback, state, dueTime, period);
        }
    }
}
