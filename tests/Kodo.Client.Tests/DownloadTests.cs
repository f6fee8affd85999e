namespace Kodo.Client.Tests;

/// <summary>OpenReadAsync: whole objects, offsets, ranges, the end of the object and missing keys.</summary>
public sealed class DownloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(999, null)]
    [InlineData(0, 10L)]
    [InlineData(500, 250L)]
    [InlineData(990, 10L)]
    [InlineData(990, 500L)]
    [InlineData(0, 1000L)]
    [InlineData(0, 5000L)]
    public async Task OpenReadAsync_ReturnsTheRequestedBytes(long offset, long? length)
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(1000);
        await host.Client.PutAsync("k", content, Ct);

        await using var stream = await host.Client.OpenReadAsync("k", offset, length, Ct);
        var read = await ClientContent.ReadAllAsync(stream);

        var expected = content.AsSpan((int)offset, (int)Math.Min(length ?? long.MaxValue, content.Length - offset)).ToArray();
        Assert.Equal(expected, read);
        Assert.Equal(0, stream.Remaining);
        Assert.Equal(0, await stream.ReadAsync(new byte[10], Ct));
    }

    [Theory]
    [InlineData(1000, null)]
    [InlineData(1000, 10L)]
    [InlineData(5000, null)]
    [InlineData(5000, 1L)]
    public async Task OpenReadAsync_AtOrPastTheEnd_ReadsNothing(long offset, long? length)
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(1000), Ct);

        await using var stream = await host.Client.OpenReadAsync("k", offset, length, Ct);

        Assert.Equal(0, await stream.ReadAsync(new byte[10], Ct));
        Assert.Equal(0, stream.Read(new byte[10], 0, 10));
    }

    [Fact]
    public async Task OpenReadAsync_EmptyObject_ReadsNothingWithoutAnInvertedRange()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("empty", ReadOnlyMemory<byte>.Empty, Ct);

        await using (var whole = await host.Client.OpenReadAsync("empty", cancellationToken: Ct))
        {
            Assert.Empty(await ClientContent.ReadAllAsync(whole));
        }

        await using (var ranged = await host.Client.OpenReadAsync("empty", 0, 100, Ct))
        {
            Assert.Empty(await ClientContent.ReadAllAsync(ranged));
        }

        await using var past = await host.Client.OpenReadAsync("empty", 7, cancellationToken: Ct);
        Assert.Empty(await ClientContent.ReadAllAsync(past));
    }

    [Fact]
    public async Task OpenReadAsync_ZeroLength_SendsNoRequest()
    {
        await using var host = await ClientHost.StartAsync();

        await using var stream = await host.Client.OpenReadAsync("whatever", 5, 0, Ct);

        Assert.Equal(0, await stream.ReadAsync(new byte[1], Ct));
        Assert.Equal(0, await host.CounterAsync("io.get"));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ThrowsNotFound()
    {
        await using var host = await ClientHost.StartAsync();

        var error = await Assert.ThrowsAsync<KodoException>(() => host.Client.OpenReadAsync("missing", cancellationToken: Ct));

        Assert.True(error.IsNotFound);
        Assert.Equal(404, error.StatusCode);
        Assert.DoesNotContain("token=", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await host.CounterAsync("io.get"));
    }

    [Fact]
    public async Task OpenReadAsync_WrongSecret_IsAnAuthenticationError()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", new byte[] { 1 }, Ct);
        var bad = host.CreateClient(o => o with { SecretKey = "not-the-secret" });

        var error = await Assert.ThrowsAsync<KodoException>(() => bad.OpenReadAsync("k", cancellationToken: Ct));

        Assert.True(error.IsAuthentication);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_IsReadOnlyAndTracksItsPosition()
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(100);
        await host.Client.PutAsync("k", content, Ct);

        await using var stream = await host.Client.OpenReadAsync("k", 10, cancellationToken: Ct);

        Assert.True(stream.CanRead);
        Assert.False(stream.CanWrite);
        Assert.False(stream.CanSeek);
        Assert.Equal(100, stream.EndOffset);
        Assert.Equal(10, stream.Position);
        Assert.Equal(content[10], stream.ReadByte());
        Assert.Equal(11, stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        await stream.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task Stream_ConnectionCutMidBody_ReopensFromTheCurrentOffset()
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(100_000);
        await host.Client.PutAsync("k", content, Ct);
        using var handler = new TruncatingHandler(30_000) { Times = 3 };
        var client = host.CreateClient(handler: handler);
        await host.ResetCountersAsync();

        await using var stream = await client.OpenReadAsync("k", 1000, cancellationToken: Ct);
        var read = await ClientContent.ReadAllAsync(stream);

        Assert.Equal(content.AsSpan(1000).ToArray(), read);
        Assert.Equal(4, await host.CounterAsync("io.get"));
    }

    [Fact]
    public async Task Stream_TooManyCutsWithoutProgress_Fails()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(1000), Ct);
        using var handler = new TruncatingHandler(0) { Times = int.MaxValue };
        var client = host.CreateClient(o => o with { MaxRetries = 2 }, handler);

        await using var stream = await client.OpenReadAsync("k", cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<KodoException>(() => ClientContent.ReadAllAsync(stream));

        Assert.Equal(KodoException.NoStatus, error.StatusCode);
        Assert.Contains("read of 'k'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ObjectReplacedBeforeAReopen_FailsInsteadOfMixingVersions()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", TestContent.Bytes(1000, 1), Ct);
        using var handler = new TruncatingHandler(100);
        handler.OnCut = () => host.Client.PutAsync("k", TestContent.Bytes(1000, 2), Ct);
        var client = host.CreateClient(handler: handler);

        await using var stream = await client.OpenReadAsync("k", cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<KodoException>(() => ClientContent.ReadAllAsync(stream));

        Assert.Contains("replaced", error.Message, StringComparison.Ordinal);
    }
}
