using Kodo.Protocol.Hashing;
using Microsoft.Extensions.Time.Testing;

namespace Kodo.Client.Tests;

/// <summary>OpenWrite: form upload up to the threshold, parallel multipart past it, and failures that always surface.</summary>
public sealed class UploadStreamTests
{
    private const int Threshold = 4 * TestContent.MiB;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Threshold - 1)]
    [InlineData(Threshold)]
    public async Task UpToTheThreshold_FormUploadsOnce(int size)
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(size);

        await using var stream = host.Client.OpenWrite("small");
        await WriteInPiecesAsync(stream, content, 100_003);
        var result = await stream.CompleteAsync(Ct);

        Assert.False(stream.IsMultipart);
        Assert.Equal(Qetag.Compute(content), result.Hash);
        Assert.Same(result, stream.Result);
        Assert.Equal(1, await host.CounterAsync("up.form"));
        Assert.Equal(0, await host.CounterAsync("up.v2.init"));
        await AssertContentAsync(host.Client, "small", content);
    }

    [Fact]
    public async Task OneBytePastTheThreshold_UploadsInParts()
    {
        await using var host = await ClientHost.StartAsync();
        var content = TestContent.Bytes(Threshold + 1);

        await using (var stream = host.Client.OpenWrite("k"))
        {
            await stream.WriteAsync(content, Ct);
            Assert.True(stream.IsMultipart);
        }

        Assert.Equal(ClientContent.EtagV2(content, KodoClientOptions.DefaultPartSize), (await host.Client.StatAsync("k", Ct))!.Hash);
        Assert.Equal(0, await host.CounterAsync("up.form"));
        Assert.Equal(1, await host.CounterAsync("up.v2.complete"));
        await AssertContentAsync(host.Client, "k", content);
    }

    [Fact]
    public async Task FarPastTheThreshold_OddWrites_HashIsEtagV2OfTheParts()
    {
        const int PartSize = 5 * TestContent.MiB;
        await using var host = await ClientHost.StartAsync(o => o with { PartSize = PartSize, PartConcurrency = 3 });
        var content = TestContent.Bytes((25 * TestContent.MiB) + 12345);

        KodoPutResult result;
        await using (var stream = host.Client.OpenWrite("big/object.bin"))
        {
            await WriteInPiecesAsync(stream, content, 1_000_003, 17, 65_536, 3_333_333);
            result = await stream.CompleteAsync(Ct);
        }

        var expected = ClientContent.EtagV2(content, PartSize);
        Assert.Equal(expected, result.Hash);
        Assert.StartsWith("n", expected, StringComparison.Ordinal);
        Assert.Equal(expected, (await host.Client.StatAsync("big/object.bin", Ct))!.Hash);
        Assert.Equal(6, await host.CounterAsync("up.v2.part"));
        await AssertContentAsync(host.Client, "big/object.bin", content);
    }

    [Fact]
    public async Task PartsOf4MiB_GiveThePlainQetag()
    {
        await using var host = await ClientHost.StartAsync(o => o with { PartSize = Qetag.BlockSize, MultipartThreshold = TestContent.MiB });
        var content = TestContent.Bytes((9 * TestContent.MiB) + 7);

        await using (var stream = host.Client.OpenWrite("k"))
        {
            await WriteInPiecesAsync(stream, content, 777_777);
        }

        Assert.Equal(Qetag.Compute(content), (await host.Client.StatAsync("k", Ct))!.Hash);
    }

    [Fact]
    public async Task ThresholdAbovePartSize_SplitsTheBufferIntoParts()
    {
        await using var host = await ClientHost.StartAsync(o => o with { PartSize = TestContent.MiB, MultipartThreshold = (3 * TestContent.MiB) + 10 });
        var content = TestContent.Bytes((3 * TestContent.MiB) + 11);

        await using (var stream = host.Client.OpenWrite("k"))
        {
            await WriteInPiecesAsync(stream, content, 4096);
        }

        Assert.Equal(ClientContent.EtagV2(content, TestContent.MiB), (await host.Client.StatAsync("k", Ct))!.Hash);
        Assert.Equal(4, await host.CounterAsync("up.v2.part"));
    }

    [Fact]
    public async Task SynchronousWritesAndDispose_Work()
    {
        await using var host = await ClientHost.StartAsync(o => o with { PartSize = TestContent.MiB, MultipartThreshold = TestContent.MiB });
        var content = TestContent.Bytes((3 * TestContent.MiB) + 1);

        using (var stream = host.Client.OpenWrite("k"))
        {
            for (var offset = 0; offset < content.Length; offset += 300_000)
            {
                stream.Write(content, offset, Math.Min(300_000, content.Length - offset));
            }

            stream.Flush();
        }

        Assert.Equal(ClientContent.EtagV2(content, TestContent.MiB), (await host.Client.StatAsync("k", Ct))!.Hash);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(9 * TestContent.MiB)]
    public async Task WrongSecret_ThrowsFromDisposeAndCreatesNothing(int size)
    {
        await using var host = await ClientHost.StartAsync();
        var bad = host.CreateClient(o => o with { SecretKey = "wrong-secret" });
        var stream = bad.OpenWrite("k");
        try
        {
            await stream.WriteAsync(TestContent.Bytes(size), Ct);
        }
        catch (KodoException)
        {
            // A part may already have failed; the next write then reports it, which is fine too.
            Assert.True(size > Threshold);
            return;
        }

        var error = await Assert.ThrowsAsync<KodoException>(async () => await stream.DisposeAsync());

        Assert.True(error.IsAuthentication);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Client.StatAsync("k", Ct));
        Assert.Empty((await host.Client.ListAsync(cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task MissingBucket_ThrowsFromDisposeAndCreatesNothing()
    {
        await using var host = await ClientHost.StartAsync();
        var other = host.CreateClient(o => o with { Bucket = "missing", DownloadHost = "missing.example" });
        var stream = other.OpenWrite("k");
        await stream.WriteAsync(TestContent.Bytes(10), Ct);

        var error = await Assert.ThrowsAsync<KodoException>(async () => await stream.DisposeAsync());

        Assert.Equal(631, error.StatusCode);
        Assert.Empty((await host.Client.ListAsync(cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task FailedPart_SurfacesFromWriteOrDispose_AndTheUploadIsAborted()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("k", new byte[] { 1 }, Ct);
        using var handler = new RejectingHandler(HttpMethod.Put, System.Net.HttpStatusCode.BadRequest);
        var client = host.CreateClient(o => o with { PartSize = TestContent.MiB, MultipartThreshold = 0 }, handler);
        var stream = client.OpenWrite("k");
        var content = TestContent.Bytes(TestContent.MiB);

        KodoException? error = null;
        try
        {
            for (var i = 0; i < 20; i++)
            {
                await stream.WriteAsync(content, Ct);
            }

            await stream.DisposeAsync();
        }
        catch (KodoException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        await stream.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => stream.Write(content, 0, 1));
        Assert.Equal(1, (await host.Client.StatAsync("k", Ct))!.Size);
        Assert.Equal(1, await host.CounterAsync("up.v2.init"));
        Assert.Equal(1, await host.CounterAsync("up.v2.abort"));
        Assert.Equal(0, await host.CounterAsync("up.v2.complete"));
    }

    [Fact]
    public async Task FailedInitiate_SurfacesAndCreatesNothing()
    {
        await using var host = await ClientHost.StartAsync(o => o with { PartSize = TestContent.MiB, MultipartThreshold = 0, MaxRetries = 0 });
        await host.SetFaultsAsync("""{"faultRate":1,"faultStatuses":[400]}""");
        var stream = host.Client.OpenWrite("k");

        var error = await Assert.ThrowsAsync<KodoException>(async () =>
        {
            await stream.WriteAsync(TestContent.Bytes(3 * TestContent.MiB), Ct);
            await stream.DisposeAsync();
        });

        Assert.Equal(400, error.StatusCode);
        await stream.DisposeAsync();
        await host.SetFaultsAsync("""{"faultRate":0}""");
        Assert.Null(await host.Client.StatAsync("k", Ct));
    }

    [Fact]
    public async Task AbandonedStream_CreatesNothing()
    {
        await using var host = await ClientHost.StartAsync(o => o with { PartSize = TestContent.MiB, MultipartThreshold = TestContent.MiB });
        var stream = host.Client.OpenWrite("k");
        await stream.WriteAsync(TestContent.Bytes(3 * TestContent.MiB), Ct);
        await stream.FlushAsync(Ct);

        // Never completed nor disposed.
        Assert.Null(await host.Client.StatAsync("k", Ct));
        var small = host.Client.OpenWrite("s");
        await small.WriteAsync(TestContent.Bytes(10), Ct);
        Assert.Null(await host.Client.StatAsync("s", Ct));
        Assert.Equal(0, await host.CounterAsync("up.form"));
        Assert.Equal(0, await host.CounterAsync("up.v2.complete"));
    }

    [Fact]
    public async Task CompletedStream_RefusesMoreWritesAndIsWriteOnly()
    {
        await using var host = await ClientHost.StartAsync();
        await using var stream = host.Client.OpenWrite("k");
        Assert.True(stream.CanWrite);
        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        await stream.WriteAsync(new byte[] { 1, 2, 3 }, Ct);
        Assert.Equal(3, stream.Position);

        var first = await stream.CompleteAsync(Ct);

        Assert.Same(first, await stream.CompleteAsync(Ct));
        Assert.False(stream.CanWrite);
        Assert.Throws<InvalidOperationException>(() => stream.Write([4], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.ReadByte());
        Assert.Equal(1, await host.CounterAsync("up.form"));
    }

    [Fact]
    public async Task LongUpload_GetsAFreshTokenPerRequest()
    {
        // Client and emulator share a clock that jumps 50 minutes after each part: a token made once at the start
        // would expire by the third part (defect K8), but every request signs its own. A jump stays under the token
        // lifetime so that a request in flight during one keeps a valid token, as with a real clock.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        // The call deadline is far beyond the jumps, so only token lifetimes feel them.
        await using var host = await ClientHost.StartAsync(
            o => o with { PartSize = TestContent.MiB, MultipartThreshold = 0, PartConcurrency = 1, TimeProvider = clock, RequestTimeout = TimeSpan.FromDays(30) }, clock);
        var content = TestContent.Bytes(4 * TestContent.MiB);

        await using (var stream = host.Client.OpenWrite("k"))
        {
            for (var i = 0; i < 4; i++)
            {
                await stream.WriteAsync(content.AsMemory(i * TestContent.MiB, TestContent.MiB), Ct);
                clock.Advance(TimeSpan.FromMinutes(50));
            }
        }

        Assert.Equal(ClientContent.EtagV2(content, TestContent.MiB), (await host.Client.StatAsync("k", Ct))!.Hash);
    }

    private static async Task WriteInPiecesAsync(Stream stream, byte[] content, params int[] sizes)
    {
        var offset = 0;
        for (var i = 0; offset < content.Length; i++)
        {
            var count = Math.Min(sizes[i % sizes.Length], content.Length - offset);
            await stream.WriteAsync(content.AsMemory(offset, count), Ct);
            offset += count;
        }
    }

    private static async Task AssertContentAsync(KodoClient client, string key, byte[] content)
    {
        await using var read = await client.OpenReadAsync(key, cancellationToken: Ct);
        var actual = await ClientContent.ReadAllAsync(read);
        Assert.True(content.AsSpan().SequenceEqual(actual));
    }
}
