using Alluxio.Configuration;
using Alluxio.UnderFs.Local;

namespace Alluxio.UnderFs.Tests;

public sealed class UnderFileSystemRegistryTests
{
    [Theory]
    [InlineData("/tmp/x", true)]
    [InlineData("file:///tmp/x", true)]
    [InlineData("kodo://bucket/x", false)]
    [InlineData("relative/x", false)]
    public void TheLocalFactoryTakesLocalPaths(string path, bool supported) =>
        Assert.Equal(supported, new UnderFileSystemRegistry().Register(new LocalUnderFileSystemFactory()).SupportsPath(path));

    [Fact]
    public void AnUnsupportedPathIsAnError()
    {
        var registry = new UnderFileSystemRegistry().Register(new LocalUnderFileSystemFactory());

        var error = Assert.Throws<ArgumentException>(() => registry.Create("kodo://b/x", new UnderFileSystemConfiguration(AlluxioConfiguration.Defaults)));

        Assert.StartsWith("Unable to create an UnderFileSystem instance for path: kodo://b/x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatedUfssAreWrappedWithLoggingAndKeepTheirType()
    {
        var registry = new UnderFileSystemRegistry().Register(new LocalUnderFileSystemFactory());

        await using var ufs = registry.Create("/tmp", new UnderFileSystemConfiguration(AlluxioConfiguration.Defaults));

        Assert.IsType<UnderFileSystemWithLogging>(ufs);
        Assert.Equal("local", ufs.UnderFSType);
        Assert.False(ufs.IsObjectStorage);
    }

    [Fact]
    public void MountOptionsCarryTheirSecretsForScrubbing()
    {
        var configuration = UnderFileSystemConfiguration.ForMount(
            AlluxioConfiguration.Defaults, [new("fs.kodo.secretKey", "FAKE-UFS-SK"), new("alluxio.underfs.kodo.endpoint", "e")]);

        Assert.Equal(["FAKE-UFS-SK"], configuration.SecretValues());
        Assert.Equal("MOUNT_OPTION", configuration.Configuration.GetExplicit("alluxio.underfs.kodo.endpoint")!.Source.ToString());
    }
}
