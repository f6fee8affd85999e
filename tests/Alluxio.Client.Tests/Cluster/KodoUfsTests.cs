using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Testing;
using Kodo.Emulator.Faults;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>
/// Reads of objects that are in the bucket but not in Alluxio (cold), or that changed behind Alluxio's back, with the
/// root mounted on the Kodo emulator.
/// </summary>
public sealed class KodoUfsTests
{
    private const string IoGet = "io.get";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenConcurrentColdReadsOfOneBlockReadTheBucketOnce()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var kodo = TestKodo.Client(emulator);
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.KodoRoot(emulator), cancellationToken: Token);
        var content = TestContent.Bytes(700_000, seed: 51);
        await kodo.PutAsync(ClusterFiles.KodoKey("/cold.bin"), content, Token);

        // Ten clients, each with its own channels; opening loads the metadata first, so that only the data reads race.
        var streams = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            cluster.Connect().OpenFileAsync("/cold.bin", new OpenFileOptions { ReadType = ReadType.Cache }, Token)));
        try
        {
            Assert.Single(streams[0].Status.BlockIds);
            var before = (await emulator.CountersAsync(Token)).GetValueOrDefault(IoGet);

            // A slow bucket, so that all ten reads arrive while the first one's UFS read is still under way.
            emulator.SetFaults(FaultSettings.None with { LatencyMs = 300 });

            var reads = await Task.WhenAll(streams.Select(s => ClusterFiles.ReadToEndAsync(s, Token)));

            Assert.All(reads, r => ClusterFiles.AssertSameBytes(content, r, "a concurrent read"));
            Assert.Equal(1, (await emulator.CountersAsync(Token)).GetValueOrDefault(IoGet) - before);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AnOutageOfTheBucketFailsACallAtOnceRatherThanAsAnOutageOfTheMaster()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        var root = ClusterFiles.KodoRoot(emulator);
        await using var cluster = await TestCluster.StartAsync(
            root with { SiteProperties = root.SiteProperties + "alluxio.underfs.kodo.retry.max.num=0\n" }, cancellationToken: Token);

        // Short enough that a client which waits the bucket's outage out, as if the master were down, gives up in the test.
        var client = cluster.Connect(ClusterFiles.AlwaysSync, "alluxio.user.rpc.retry.max.duration=5s");
        emulator.SetFaults(FaultSettings.None with { FaultRate = 1 });
        var callsBefore = (await cluster.Master.CountersAsync(Token)).GetValueOrDefault("Master.GetFileInfoOps");

        // The master is serving and says that its under storage failed; one call is all the client makes.
        var error = await Assert.ThrowsAsync<UnderStorageException>(() => client.GetStatusAsync("/absent.bin", cancellationToken: Token));
        Assert.Equal(ErrorType.Unavailable, error.ErrorType);
        Assert.Equal(1, (await cluster.Master.CountersAsync(Token)).GetValueOrDefault("Master.GetFileInfoOps") - callsBefore);

        // Once the bucket is back, the same client's next call goes through.
        emulator.SetFaults(FaultSettings.None);
        var missing = await Assert.ThrowsAnyAsync<AlluxioException>(() => client.GetStatusAsync("/absent.bin", cancellationToken: Token));
        Assert.Equal(ErrorType.FileDoesNotExist, missing.ErrorType);
        cluster.AssertSecretNeverShown(TestKodo.SecretKey);
    }

    [Fact]
    public async Task AnObjectChangedOutOfBandIsNeverServedMixed()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var kodo = TestKodo.Client(emulator);
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.KodoRoot(emulator), cancellationToken: Token);
        var key = ClusterFiles.KodoKey("/changing.bin");
        var before = TestContent.Bytes((2 * ClusterFiles.BlockSize) - 1000, seed: 71);
        var after = TestContent.Bytes(before.Length, seed: 72);
        await kodo.PutAsync(key, before, Token);
        var stale = cluster.Connect();
        var syncing = cluster.Connect(ClusterFiles.AlwaysSync);

        // Only the first of the two blocks is cached.
        IReadOnlyList<long> blockIds;
        await using (var stream = await stale.OpenFileAsync("/changing.bin", new OpenFileOptions { ReadType = ReadType.Cache }, Token))
        {
            blockIds = stream.Status.BlockIds;
            Assert.Equal(2, blockIds.Count);
            var first = new byte[ClusterFiles.BlockSize];
            Assert.Equal(first.Length, await stream.ReadAtAsync(0, first, Token));
            ClusterFiles.AssertSameBytes(before.AsMemory(0, first.Length), first, "the first block");
        }

        await ClusterFiles.WaitForInAlluxioAsync(stale, "/changing.bin", 50, Token);
        await kodo.PutAsync(key, after, Token);

        // Stale metadata (the default sync interval, -1): block 0 comes from the cache with the old bytes, but block 1's
        // UFS read names the old content hash, which the changed object no longer has; the read fails rather than
        // joining old and new bytes.
        var error = await Assert.ThrowsAsync<UnderStorageException>(() => ClusterFiles.ReadAllAsync(stale, "/changing.bin", ReadType.Cache, Token));
        Assert.Equal(ErrorType.FailedPrecondition, error.ErrorType);

        // Synced metadata (interval 0): the master sees the new object and makes a new inode, whose new block ids hold
        // nothing of the old one, so the whole new content comes back.
        ClusterFiles.AssertSameBytes(after, await ClusterFiles.ReadAllAsync(syncing, "/changing.bin", ReadType.Cache, Token), "the read with synced metadata");
        Assert.Empty((await syncing.GetStatusAsync("/changing.bin", cancellationToken: Token)).BlockIds.Intersect(blockIds));

        // The namespace now has the new file for every client, the one that never syncs too.
        ClusterFiles.AssertSameBytes(after, await ClusterFiles.ReadAllAsync(stale, "/changing.bin", ReadType.Cache, Token), "a later read with stale metadata");
        cluster.AssertSecretNeverShown(TestKodo.SecretKey);
    }
}
