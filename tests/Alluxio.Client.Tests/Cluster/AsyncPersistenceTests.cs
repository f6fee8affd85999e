using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>ASYNC_THROUGH is a journaled promise: a master that restarts before any worker persisted the file still keeps it.</summary>
public sealed class AsyncPersistenceTests
{
    private const string SchedulerInterval = "alluxio.master.persistence.scheduler.interval";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFileIsPersistedAfterTheMasterRestartsBeforeAnyWorkerDidIt()
    {
        // The first master never schedules a persistence round: its first would come after an hour.
        var options = ClusterFiles.OneMegabyteBlocks() with { SystemProperties = new Dictionary<string, string> { [SchedulerInterval] = "1h" } };
        await using var cluster = await TestCluster.StartAsync(options, cancellationToken: Token);
        var fs = cluster.Connect();
        var content = TestContent.Bytes((2 * ClusterFiles.BlockSize) + 77, seed: 61);
        var ufsFile = Path.Combine(cluster.LocalUfsRoot, "later", "async.bin");
        await ClusterFiles.WriteAsync(fs, "/later/async.bin", content, WritePType.AsyncThrough, Token);
        Assert.Equal("TO_BE_PERSISTED", (await fs.GetStatusAsync("/later/async.bin", cancellationToken: Token)).PersistenceState);
        Assert.False(File.Exists(ufsFile));

        await cluster.Master.StopAsync(Token);
        await cluster.Master.RestartAsync(new Dictionary<string, string>(), Token);

        await TestCluster.WaitUntilAsync(
            async token => (await fs.GetStatusAsync("/later/async.bin", cancellationToken: token)).PersistenceState == "PERSISTED",
            "the file to be persisted after the restart",
            Token);
        ClusterFiles.AssertSameBytes(content, await File.ReadAllBytesAsync(ufsFile, Token), "the persisted file");
        ClusterFiles.AssertSameBytes(content, await ClusterFiles.ReadAllAsync(fs, "/later/async.bin", ReadType.NoCache, Token), "the file read back");
    }
}
