using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>A worker whose store is too small for what is written evicts, but never a pinned file's blocks.</summary>
public sealed class EvictionTests
{
    private const int Files = 4;
    private const int FileLength = 2 * ClusterFiles.BlockSize;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APinnedFileStaysCachedWhileOthersAreEvicted()
    {
        await using var cluster = await TestCluster.StartAsync(
            ClusterFiles.OneMegabyteBlocks(), worker: new WorkerProcessOptions { Quota = "4MB" }, cancellationToken: Token);
        var fs = cluster.Connect();
        var worker = cluster.Workers[0];
        var contents = Enumerable.Range(0, Files).Select(i => TestContent.Bytes(FileLength, seed: 40 + i)).ToArray();
        await ClusterFiles.WriteAsync(fs, PathOf(0), contents[0], WritePType.CacheThrough, Token);
        await fs.SetAttributeAsync(PathOf(0), new SetAttributeOptions { Pinned = true }, Token);
        await TestCluster.WaitUntilAsync(async token => await ClusterFiles.PinnedFileCountAsync(worker, token) == 1, "the worker to get the pin list", Token);
        await ClusterFiles.WaitForInAlluxioAsync(fs, PathOf(0), 100, Token);
        var pinned = (await fs.GetStatusAsync(PathOf(0), cancellationToken: Token)).BlockIds;

        // Three more files of two blocks each into the two blocks of room left: the pinned file is the least recently
        // used, and only its pin keeps it.
        for (var i = 1; i < Files; i++)
        {
            await ClusterFiles.WriteAsync(fs, PathOf(i), contents[i], WritePType.CacheThrough, Token);
        }

        var onDisk = ClusterFiles.BlocksOnDisk(worker);
        Assert.All(pinned, id => Assert.Contains(id, onDisk));
        Assert.Equal(4, onDisk.Count);
        await TestCluster.WaitUntilAsync(
            async token => (await Task.WhenAll(Enumerable.Range(1, Files - 1).Select(i => ClusterFiles.InAlluxioAsync(fs, PathOf(i), token)))).Any(p => p < 100),
            "the master to learn of the evictions",
            Token);
        Assert.Equal(100, await ClusterFiles.InAlluxioAsync(fs, PathOf(0), Token));

        // Evicted blocks come back from the UFS; the reads cache them again, evicting others, but never the pinned ones.
        for (var i = Files - 1; i >= 0; i--)
        {
            ClusterFiles.AssertSameBytes(contents[i], await ClusterFiles.ReadAllAsync(fs, PathOf(i), ReadType.Cache, Token), PathOf(i));
        }

        onDisk = ClusterFiles.BlocksOnDisk(worker);
        Assert.All(pinned, id => Assert.Contains(id, onDisk));
    }

    private static string PathOf(int index) => index == 0 ? "/pinned.bin" : $"/other-{index}.bin";
}
