using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Testing;
using Kodo.Emulator.Faults;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>A write that cannot finish fails in the writer's hands and leaves nothing behind, in Alluxio or in the UFS.</summary>
public sealed class WriteFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AThroughWriteWhoseUploadFailsLeavesNothing()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var kodo = TestKodo.Client(emulator);
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.KodoRoot(emulator), cancellationToken: Token);
        var fs = cluster.Connect();
        var stream = await fs.CreateFileAsync("/refused.bin", new CreateFileOptions { WriteType = WritePType.Through }, Token);
        await using (stream)
        {
            // The worker has every byte, and has made the file's parent in the bucket, when the bucket starts refusing
            // every request as it would a revoked key (a 4xx is not retried); the upload itself goes out at the commit.
            await stream.WriteAsync(TestContent.Bytes(ClusterFiles.FileLength, seed: 81), Token);
            await stream.FlushAsync(Token);
            emulator.SetFaults(new FaultSettings(1, [403], 0, 0));

            var error = await Assert.ThrowsAsync<UnderStorageException>(async () => await stream.DisposeAsync());
            Assert.Equal(ErrorType.AccessControl, error.ErrorType);
            Assert.Contains("upload of 'root/refused.bin' failed with status 403", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestKodo.SecretKey, error.ToString(), StringComparison.Ordinal);
        }

        emulator.SetFaults(FaultSettings.None);
        Assert.False(await fs.ExistsAsync("/refused.bin", cancellationToken: Token));

        // Nothing but folder markers (the write makes its parent, here the mount's root, before the upload).
        Assert.All((await kodo.ListAsync(cancellationToken: Token)).Items, o => Assert.True(o.Key.EndsWith('/') && o.Size == 0, $"{o.Key} is in the bucket"));
        Assert.Equal(0, emulator.Server.OpenMultipartUploads);
        cluster.AssertSecretNeverShown(TestKodo.SecretKey);
    }

    [Fact]
    public async Task AWorkerKilledMidWriteFailsTheWriter()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.OneMegabyteBlocks(), cancellationToken: Token);
        var fs = cluster.Connect();
        var content = TestContent.Bytes(ClusterFiles.FileLength, seed: 82);
        var half = ClusterFiles.BlockSize + (ClusterFiles.BlockSize / 2);
        var stream = await fs.CreateFileAsync("/unfinished.bin", new CreateFileOptions { WriteType = WritePType.MustCache }, Token);
        await using (stream)
        {
            await stream.WriteAsync(content.AsMemory(0, half), Token);
            await stream.FlushAsync(Token);

            await cluster.Workers[0].KillAsync(Token);

            var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await stream.WriteAsync(content.AsMemory(half), Token);
                await stream.DisposeAsync();
            });

            // The worker's end reaches the writer as a lost connection (an IOException from the HTTP/2 stream) or as
            // gRPC's Unavailable made an AlluxioException, depending on which the next send meets first.
            Assert.True(error is AlluxioException { ErrorType: ErrorType.Unavailable } or IOException, error.ToString());
        }

        Assert.False(await fs.ExistsAsync("/unfinished.bin", cancellationToken: Token));
    }
}
