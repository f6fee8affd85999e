using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>Workers that die or restart under a client: a read goes on elsewhere, and a restarted worker still has its blocks.</summary>
public sealed class WorkerLossTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReadGoesOnWhenItsWorkerIsKilled()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.OneMegabyteBlocks(), cancellationToken: Token);
        var fs = cluster.Connect(ClusterFiles.ShortCircuitOff);
        var content = TestContent.Bytes(ClusterFiles.FileLength, seed: 21);
        await ClusterFiles.WriteAsync(fs, "/killed-mid-read.bin", content, WritePType.CacheThrough, Token);
        await ClusterFiles.WaitForInAlluxioAsync(fs, "/killed-mid-read.bin", 100, Token);
        var first = cluster.Workers[0];
        var second = await cluster.AddWorkerAsync(cancellationToken: Token);

        await using var stream = await fs.OpenFileAsync("/killed-mid-read.bin", new OpenFileOptions { ReadType = ReadType.Cache }, Token);
        Assert.All(stream.Status.Info.FileBlockInfos, b => Assert.Equal(first.RpcPort, Assert.Single(b.BlockInfo.Locations).WorkerAddress.RpcPort));
        var read = new byte[content.Length];
        var half = ClusterFiles.BlockSize + (ClusterFiles.BlockSize / 2);
        await stream.ReadExactlyAsync(read.AsMemory(0, half), Token);

        await first.KillAsync(Token);
        await stream.ReadExactlyAsync(read.AsMemory(half), Token);

        ClusterFiles.AssertSameBytes(content, read, "the file read across the kill");
        Assert.Equal(0, await stream.ReadAsync(new byte[1], Token));

        // The rest came from the UFS through the other worker, which kept it (CACHE): at least the last two blocks.
        await TestCluster.WaitUntilAsync(async token => await ClusterFiles.BlockCountAsync(second, token) >= 2, "the second worker to cache the blocks it served", Token);
    }

    [Fact]
    public async Task ARestartedWorkerStillServesItsBlocks()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.OneMegabyteBlocks(), cancellationToken: Token);
        var fs = cluster.Connect(ClusterFiles.ShortCircuitOff);
        var content = TestContent.Bytes(ClusterFiles.FileLength, seed: 22);
        await ClusterFiles.WriteAsync(fs, "/cached-only.bin", content, WritePType.MustCache, Token);
        await ClusterFiles.WaitForInAlluxioAsync(fs, "/cached-only.bin", 100, Token);
        var worker = cluster.Workers[0];

        await worker.StopAsync(Token);
        await worker.RestartAsync(Token);

        // MUST_CACHE bytes are in that worker's store and nowhere else: they come back from its folder or not at all.
        await ClusterFiles.WaitForInAlluxioAsync(fs, "/cached-only.bin", 100, Token);
        Assert.Equal(4, await ClusterFiles.BlockCountAsync(worker, Token));
        ClusterFiles.AssertSameBytes(content, await ClusterFiles.ReadAllAsync(fs, "/cached-only.bin", ReadType.Cache, Token), "the file after the restart");
        Assert.False(File.Exists(Path.Combine(cluster.LocalUfsRoot, "cached-only.bin")));
    }
}
