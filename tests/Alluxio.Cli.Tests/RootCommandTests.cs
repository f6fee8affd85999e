using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

public sealed class RootCommandTests : IDisposable
{
    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Fact]
    public void VersionPrintsTheAlluxioVersion()
    {
        var run = CliRun.InProcess(_conf.Path, "version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Alluxio version: 2.9.3\n", run.Out);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("getConf", "--help")]
    [InlineData("validateConf", "-h")]
    [InlineData("version", "--help")]
    public void HelpIsEverywhere(params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCommandFailsWithoutAStackTrace()
    {
        var run = CliRun.InProcess(_conf.Path, "frobnicate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPropertiesAreTakenBeforeTheCommandOnly()
    {
        var (properties, remaining) = CommandLineSplitter.Split(["-Da=1", "-Db=2", "getConf", "-Dc=3"]);

        Assert.Equal(["a=1", "b=2"], properties);
        Assert.Equal(["getConf", "-Dc=3"], remaining);
    }

    [Fact]
    public void SystemPropertiesMayFollowACommandGroup()
    {
        var (properties, remaining) = CommandLineSplitter.Split(["fs", "-Dk=v", "ls", "/"]);

        Assert.Equal(["k=v"], properties);
        Assert.Equal(["fs", "ls", "/"], remaining);
    }
}
