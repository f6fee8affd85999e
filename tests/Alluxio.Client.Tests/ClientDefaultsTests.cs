using Alluxio.Grpc;

namespace Alluxio.Client.Tests;

public sealed class ClientDefaultsTests
{
    [Theory]
    [InlineData("-1", -1)]
    [InlineData("0", 0)]
    [InlineData("5min", 300_000)]
    [InlineData("250ms", 250)]
    [InlineData("30", 30)]
    public void TheSyncIntervalTravelsInMilliseconds(string configured, long expected)
    {
        var defaults = new ClientDefaults(TestConfiguration.With(("alluxio.user.file.metadata.sync.interval", configured)));

        Assert.Equal(expected, defaults.SyncIntervalMs);
        Assert.Equal(expected, defaults.Common(mutation: false).SyncIntervalMs);
    }

    [Fact]
    public void TheDefaultSyncIntervalIsNever()
    {
        Assert.Equal(-1, new ClientDefaults(TestConfiguration.With()).SyncIntervalMs);
    }

    [Theory]
    [InlineData("ONCE", LoadMetadataPType.Once)]
    [InlineData("NEVER", LoadMetadataPType.Never)]
    [InlineData("always", LoadMetadataPType.Always)]
    public void TheLoadTypeComesFromTheConfiguration(string configured, LoadMetadataPType expected)
    {
        Assert.Equal(expected, new ClientDefaults(TestConfiguration.With(("alluxio.user.file.metadata.load.type", configured))).LoadMetadataType);
    }

    [Fact]
    public void OnlyMutationsCarryAnOperationIdAndEachGetsItsOwn()
    {
        var defaults = new ClientDefaults(TestConfiguration.With());

        Assert.False(defaults.Common(mutation: false).HasOperationId);
        var first = defaults.Common(mutation: true).OperationId;
        var second = defaults.Common(mutation: true).OperationId;
        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ACallMayAskForItsOwnSyncInterval()
    {
        var defaults = new ClientDefaults(TestConfiguration.With(("alluxio.user.file.metadata.sync.interval", "-1")));

        Assert.Equal(0, defaults.Common(mutation: false, syncIntervalMs: 0).SyncIntervalMs);
    }

    [Fact]
    public void WriteTypeAndBlockSizeComeFromTheConfiguration()
    {
        var defaults = new ClientDefaults(TestConfiguration.With(
            ("alluxio.user.file.writetype.default", "CACHE_THROUGH"), ("alluxio.user.block.size.bytes.default", "16MB")));

        Assert.Equal(WritePType.CacheThrough, defaults.WriteType);
        Assert.Equal(16L << 20, defaults.BlockSizeBytes);
    }
}
