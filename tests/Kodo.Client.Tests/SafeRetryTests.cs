using Kodo.Protocol.Hashing;

namespace Kodo.Client.Tests;

/// <summary>
/// A retry after a lost answer meets the effect of the first attempt: each call that is not idempotent reads
/// "no such entry", "exists" or "no such uploadId" in that light instead of reporting a failure that did not happen.
/// </summary>
public sealed class SafeRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeleteWhoseAnswerWasLostIsDone()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("gone", new byte[] { 1 }, Ct);
        var dropping = new ResponseDroppingHandler(r => r.RequestUri!.AbsolutePath.StartsWith("/delete/", StringComparison.Ordinal));
        var client = host.CreateClient(handler: dropping);

        Assert.True(await client.DeleteAsync("gone", Ct));

        Assert.Equal(1, dropping.Dropped);
        Assert.Null(await host.Client.StatAsync("gone", Ct));
        Assert.False(await client.DeleteAsync("gone", Ct));
    }

    [Fact]
    public async Task ABatchDeleteWhoseAnswerWasLostReportsEveryKeyDeleted()
    {
        await using var host = await ClientHost.StartAsync();
        string[] keys = ["a", "b", "c"];
        foreach (var key in keys)
        {
            await host.Client.PutAsync(key, new byte[] { 2 }, Ct);
        }

        var dropping = new ResponseDroppingHandler(r => r.RequestUri!.AbsolutePath == "/batch");
        var client = host.CreateClient(handler: dropping);

        var results = await client.DeleteManyAsync([.. keys, "never-there"], Ct);

        Assert.Equal(1, dropping.Dropped);
        Assert.All(results, r => Assert.True(r.Deleted, r.Key));
        Assert.Empty((await host.Client.ListAsync(cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData("copy")]
    [InlineData("move")]
    public async Task ACopyOrMoveWhoseAnswerWasLostSucceedsWhenItLanded(string operation)
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("source", "payload"u8.ToArray(), Ct);
        var dropping = new ResponseDroppingHandler(r => r.RequestUri!.AbsolutePath.StartsWith("/" + operation + "/", StringComparison.Ordinal));
        var client = host.CreateClient(handler: dropping);

        var done = operation == "copy"
            ? await client.CopyAsync("source", "target", force: false, Ct)
            : await client.MoveAsync("source", "target", force: false, Ct);

        Assert.True(done);
        Assert.Equal(1, dropping.Dropped);
        Assert.Equal(Qetag.Compute("payload"u8), (await host.Client.StatAsync("target", Ct))!.Hash);
        Assert.Equal(operation == "copy", await host.Client.StatAsync("source", Ct) is not null);
    }

    [Fact]
    public async Task ACopyOntoOtherContentStillAnswersExists()
    {
        await using var host = await ClientHost.StartAsync();
        await host.Client.PutAsync("source", "one"u8.ToArray(), Ct);
        await host.Client.PutAsync("target", "two"u8.ToArray(), Ct);

        var dropping = new ResponseDroppingHandler(r => r.RequestUri!.AbsolutePath.StartsWith("/copy/", StringComparison.Ordinal));
        var client = host.CreateClient(handler: dropping);

        // The retry meets "exists" again, but the destination was there before and holds other bytes.
        Assert.False(await client.CopyAsync("source", "target", force: false, Ct));
        Assert.Equal(1, dropping.Dropped);
        Assert.Equal(Qetag.Compute("two"u8), (await host.Client.StatAsync("target", Ct))!.Hash);
    }

    [Fact]
    public async Task AMultipartCompleteWhoseAnswerWasLostFindsTheObjectMadeFromItsParts()
    {
        await using var host = await ClientHost.StartAsync(o => o with { MultipartThreshold = 4 * TestContent.MiB, PartSize = 4 * TestContent.MiB });
        var dropping = new ResponseDroppingHandler(r =>
            r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.Contains("/uploads/", StringComparison.Ordinal));
        var client = host.CreateClient(o => o with { MultipartThreshold = 4 * TestContent.MiB, PartSize = 4 * TestContent.MiB }, dropping);
        var content = TestContent.Bytes(9 * TestContent.MiB, seed: 7);

        await using (var stream = client.OpenWrite("big"))
        {
            await stream.WriteAsync(content, Ct);
        }

        Assert.Equal(1, dropping.Dropped);
        Assert.Equal(Qetag.Compute(content), (await host.Client.StatAsync("big", Ct))!.Hash);
    }
}
