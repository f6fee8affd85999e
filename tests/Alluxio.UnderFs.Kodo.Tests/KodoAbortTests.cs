using Alluxio.Configuration;
using Alluxio.Testing;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>An abandoned Kodo write creates no object and leaves no multipart upload open.</summary>
public sealed class KodoAbortTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAbortedMultipartWriteAbortsTheUploadAndCreatesNothing()
    {
        await using var emulator = await KodoUfsHost.StartEmulatorAsync();
        using var logs = new LogCapture();
        await using var ufs = Create(emulator, logs);
        var path = KodoUfsHost.Root + "/big";
        var stream = await ufs.CreateAsync(path, cancellationToken: Token);
        for (var i = 0; i < 3; i++)
        {
            await stream.WriteAsync(TestContent.Bytes(TestContent.MiB, seed: i), Token);
        }

        await stream.AbortAsync(Token);
        await stream.DisposeAsync();

        Assert.False(await ufs.ExistsAsync(path, Token));
        Assert.Equal(0, emulator.Server.OpenMultipartUploads);
        var counters = await emulator.CountersAsync(Token);
        Assert.Equal(1, counters.GetValueOrDefault("up.v2.init"));
        Assert.Equal(1, counters.GetValueOrDefault("up.v2.abort"));
        Assert.Equal(0, counters.GetValueOrDefault("up.v2.complete"));
    }

    [Fact]
    public async Task AnAbortedSmallWriteSendsNothing()
    {
        await using var emulator = await KodoUfsHost.StartEmulatorAsync();
        using var logs = new LogCapture();
        await using var ufs = Create(emulator, logs);
        var stream = await ufs.CreateAsync(KodoUfsHost.Root + "/small", cancellationToken: Token);
        await stream.WriteAsync(TestContent.Bytes(1000), Token);
        await emulator.ResetCountersAsync(Token);

        await stream.AbortAsync(Token);
        await stream.DisposeAsync();

        var counters = await emulator.CountersAsync(Token);
        Assert.DoesNotContain(counters, c => c.Key.StartsWith("up.", StringComparison.Ordinal) && c.Value > 0);
        Assert.False(await ufs.ExistsAsync(KodoUfsHost.Root + "/small", Token));
    }

    private static UnderFileSystem Create(KodoEmulatorFixture emulator, LogCapture logs)
    {
        var configuration = UnderFileSystemConfiguration.ForMount(
            AlluxioConfiguration.Defaults,
            [
                .. KodoUfsHost.Options(emulator),
                new("alluxio.underfs.kodo.multipart.threshold", "1MB"),
                new("alluxio.underfs.kodo.multipart.part.size", "1MB"),
            ]);
        return new UnderFileSystemRegistry(TestUfs.Context(logs)).Register(new KodoUnderFileSystemFactory()).Create(KodoUfsHost.Root, configuration);
    }
}
