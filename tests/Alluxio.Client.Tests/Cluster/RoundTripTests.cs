using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>
/// Every write type, then every read type, through the client API against a master and a worker run as processes:
/// a file of several 1MB blocks comes back whole, reads at block boundaries return the right bytes, and the bytes
/// are in the UFS and in Alluxio exactly where the write and read types put them.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly WritePType[] s_writeTypes = [WritePType.MustCache, WritePType.CacheThrough, WritePType.Through, WritePType.AsyncThrough];

    // NO_CACHE first: the THROUGH file is still uncached then, and CACHE is what caches it.
    private static readonly ReadType[] s_readTypes = [ReadType.NoCache, ReadType.Cache, ReadType.CachePromote];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryWriteTypeReadsBackWithEveryReadType(bool shortCircuit)
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.OneMegabyteBlocks(), cancellationToken: Token);
        var fs = cluster.Connect($"alluxio.user.short.circuit.enabled={(shortCircuit ? "true" : "false")}");
        var content = TestContent.Bytes(ClusterFiles.FileLength, seed: 3);
        foreach (var writeType in s_writeTypes)
        {
            await ClusterFiles.WriteAsync(fs, PathOf(writeType), content, writeType, Token);
        }

        string UfsFile(WritePType writeType) => Path.Combine(cluster.LocalUfsRoot, "rt", writeType.ToString());

        // MUST_CACHE stays out of the UFS; THROUGH and CACHE_THROUGH are there when the write returns; ASYNC_THROUGH
        // gets there in the background.
        Assert.False(File.Exists(UfsFile(WritePType.MustCache)));
        ClusterFiles.AssertSameBytes(content, await File.ReadAllBytesAsync(UfsFile(WritePType.CacheThrough), Token), "CACHE_THROUGH in the UFS");
        ClusterFiles.AssertSameBytes(content, await File.ReadAllBytesAsync(UfsFile(WritePType.Through), Token), "THROUGH in the UFS");
        await TestCluster.WaitUntilAsync(
            async token => (await fs.GetStatusAsync(PathOf(WritePType.AsyncThrough), cancellationToken: token)).IsPersisted,
            "the ASYNC_THROUGH file to be persisted",
            Token);
        ClusterFiles.AssertSameBytes(content, await File.ReadAllBytesAsync(UfsFile(WritePType.AsyncThrough), Token), "ASYNC_THROUGH in the UFS");

        Assert.Equal("NOT_PERSISTED", (await fs.GetStatusAsync(PathOf(WritePType.MustCache), cancellationToken: Token)).PersistenceState);
        await ClusterFiles.WaitForInAlluxioAsync(fs, PathOf(WritePType.MustCache), 100, Token);
        await ClusterFiles.WaitForInAlluxioAsync(fs, PathOf(WritePType.CacheThrough), 100, Token);
        await ClusterFiles.WaitForInAlluxioAsync(fs, PathOf(WritePType.AsyncThrough), 100, Token);
        Assert.Equal(0, await ClusterFiles.InAlluxioAsync(fs, PathOf(WritePType.Through), Token));

        foreach (var writeType in s_writeTypes)
        {
            foreach (var readType in s_readTypes)
            {
                var what = $"{writeType} read with {readType}";
                ClusterFiles.AssertSameBytes(content, await ClusterFiles.ReadAllAsync(fs, PathOf(writeType), readType, Token), what);
                await using (var stream = await fs.OpenFileAsync(PathOf(writeType), new OpenFileOptions { ReadType = readType }, Token))
                {
                    await ClusterFiles.AssertBoundariesAsync(stream, content, what, Token);
                }

                if (writeType == WritePType.Through && readType == ReadType.NoCache)
                {
                    // Had NO_CACHE kept a block, its commit would have reached the master while the later blocks were read.
                    Assert.Equal(0, await ClusterFiles.InAlluxioAsync(fs, PathOf(writeType), Token));
                }
                else if (writeType == WritePType.Through && readType == ReadType.Cache)
                {
                    await ClusterFiles.WaitForInAlluxioAsync(fs, PathOf(writeType), 100, Token);
                }
            }
        }

        Assert.False(File.Exists(UfsFile(WritePType.MustCache)));
    }

    private static string PathOf(WritePType writeType) => $"/rt/{writeType}";
}
