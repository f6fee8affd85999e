using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class AlluxioConfigurationTests
{
    [Fact]
    public void TypedGettersUseAlluxioUnits()
    {
        var configuration = AlluxioConfiguration.Defaults;

        Assert.Equal(64L << 20, configuration.GetBytes(PropertyKeys.UserBlockSizeBytesDefault));
        Assert.Equal(TimeSpan.FromSeconds(30), configuration.GetDuration(PropertyKeys.UnderfsEventualConsistencyRetryMaxSleep));
        Assert.Equal(TimeSpan.FromMilliseconds(-1), configuration.GetDuration(PropertyKeys.UserFileMetadataSyncInterval));
        Assert.Equal("ASYNC_THROUGH", configuration.GetEnum(PropertyKeys.UserFileWriteTypeDefault));
        Assert.True(configuration.GetBoolean(PropertyKeys.MasterMountTableRootShared));
        Assert.Equal(0.95, configuration.GetDouble(PropertyKeys.WorkerTieredstoreLevel0WatermarkHighRatio));
        Assert.Equal(["/tmp"], configuration.GetList(PropertyKeys.TmpDirs));
        Assert.Equal(64L << 20, configuration.GetBytes(PropertyKeys.UnderfsObjectStoreMultiRangeChunkSize));
    }

    [Fact]
    public void EnumValuesMatchIgnoringCase()
    {
        var configuration = AlluxioConfiguration.Defaults.With(
            [new("alluxio.user.file.readtype.default", "cache_promote")], ConfigurationSource.Runtime);

        Assert.Equal("CACHE_PROMOTE", configuration.GetEnum(PropertyKeys.UserFileReadTypeDefault));
    }

    [Fact]
    public void AnUnsetKeyWithoutDefaultHasNoValue()
    {
        var configuration = AlluxioConfiguration.Defaults;

        Assert.False(configuration.IsSet(PropertyKeys.SecurityLoginUsername));
        Assert.Null(configuration.GetDisplayValue(PropertyKeys.S3aSecretKey));
        var error = Assert.Throws<ConfigurationException>(() => configuration.Get(PropertyKeys.SecurityLoginUsername));
        Assert.Contains("alluxio.security.login.username", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedValueThrowsNamingTheKey()
    {
        var configuration = AlluxioConfiguration.Defaults.With([new("alluxio.worker.rpc.port", "x")], ConfigurationSource.Runtime);

        var error = Assert.Throws<ConfigurationException>(() => configuration.GetInt(PropertyKeys.WorkerRpcPort));
        Assert.StartsWith("alluxio.worker.rpc.port: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverridesTakePrecedenceAndKeepTheirSource()
    {
        var configuration = AlluxioConfiguration.Defaults.With(
            [new("ALLUXIO.SECURITY.LOGIN.USERNAME", "alice")], ConfigurationSource.MountOption);

        Assert.Equal("alice", configuration.Get(PropertyKeys.SecurityLoginUsername));
        Assert.Equal("MOUNT_OPTION", configuration.GetSource(PropertyKeys.SecurityLoginUsername).ToString());
    }

    [Fact]
    public void AValueThatTakesInASecretByReferenceIsMasked()
    {
        var configuration = AlluxioConfiguration.Defaults.With(
            [new("s3a.secretKey", "FAKE-REF-SK"), new("alluxio.security.login.username", "${s3a.secretKey}")],
            ConfigurationSource.Runtime);

        Assert.Equal(CredentialMasker.Mask, configuration.GetDisplayValue(PropertyKeys.SecurityLoginUsername));
        Assert.Equal("/opt/alluxio/journal", configuration.GetDisplayValue(PropertyKeys.MasterJournalFolder));
    }
}
