using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Testing;
using Alluxio.UnderFs.Local;

namespace Alluxio.UnderFs.Tests;

public sealed class UnderFileSystemRegistryTests : IDisposable
{
    private readonly LogCapture _logs = new();

    public void Dispose() => _logs.Dispose();

    [Theory]
    [InlineData("/tmp/x", true)]
    [InlineData("file:///tmp/x", true)]
    [InlineData("kodo://bucket/x", false)]
    public async Task TheLocalFactoryTakesLocalPaths(string path, bool supported)
    {
        if (supported)
        {
            await using var ufs = CreateRegistry().Create(path, Configuration());
            Assert.Equal("local", ufs.UnderFSType);
        }
        else
        {
            Assert.Throws<InvalidPathException>(() => CreateRegistry().Create(path, Configuration()));
        }
    }

    [Fact]
    public void AnUnsupportedSchemeIsNamedWithTheSupportedOnes()
    {
        var error = Assert.Throws<InvalidPathException>(() => CreateRegistry().Create("nosuch://b/x", Configuration()));

        Assert.Equal("No under file system supports the scheme 'nosuch' of nosuch://b/x; supported schemes: file.", error.Message);
    }

    [Fact]
    public void ARelativeLocalPathIsRefusedWithTheReason()
    {
        var error = Assert.Throws<InvalidPathException>(() => CreateRegistry().Create("relative/x", Configuration()));

        Assert.Equal("Path relative/x is invalid: a local path must be absolute.", error.Message);
    }

    [Fact]
    public void TwoFactoriesCannotClaimOneScheme() =>
        Assert.Throws<InvalidOperationException>(() => CreateRegistry().Register(new LocalUnderFileSystemFactory()));

    [Fact]
    public async Task CreatedUfssAreWrappedWithLoggingAndKeepTheirType()
    {
        await using var ufs = CreateRegistry().Create("/tmp", Configuration());

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

    private static UnderFileSystemConfiguration Configuration() => new(AlluxioConfiguration.Defaults);

    private UnderFileSystemRegistry CreateRegistry() =>
        new UnderFileSystemRegistry(TestUfs.Context(_logs)).Register(new LocalUnderFileSystemFactory());
}
