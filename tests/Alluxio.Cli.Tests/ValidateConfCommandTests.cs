using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

public sealed class ValidateConfCommandTests : IDisposable
{
    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Fact]
    public void ADefaultConfigurationIsValid()
    {
        var run = CliRun.InProcess(_conf.Path, "validateConf");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Configuration is valid.\n", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void ABadCommandLineValueFailsWithOneLineNamingTheKey()
    {
        var run = CliRun.InProcess(_conf.Path, "-Dalluxio.master.rpc.port=abc", "validateConf");

        Assert.Equal(255, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(
            "Configuration is invalid: command line: alluxio.master.rpc.port: 'abc' is not a port number (0 to 65535)",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void ABadSiteValueNamesFileLineAndKey()
    {
        var site = _conf.Write("alluxio-site.properties", "alluxio.user.block.size.bytes.default=64 furlongs\n");

        var run = CliRun.InProcess(_conf.Path, "validateConf");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal(
            $"Configuration is invalid: {site}:1: alluxio.user.block.size.bytes.default: '64 furlongs' is not a byte size (examples: 1024, 64MB, 1GB)",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void UnknownKeysAreReportedButDoNotFail()
    {
        var site = _conf.Write("alluxio-site.properties", "alluxio.master.hostnmae=x\n");

        var run = CliRun.InProcess(_conf.Path, "validateConf");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Warning: {site}:1: alluxio.master.hostnmae is not a known property key", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void OtherCommandsShowConfigurationProblemsFirst()
    {
        var run = CliRun.InProcess(_conf.Path, "-Dalluxio.master.rpc.port=abc", "version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Error: command line: alluxio.master.rpc.port: 'abc' is not a port number (0 to 65535)", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("alluxio.underfs.kodo.multipart.part.size=10KB", "'10KB' must be between 1MB and 1GB")]
    [InlineData("alluxio.underfs.kodo.multipart.part.size=5GB", "'5GB' must be between 1MB and 1GB")]
    [InlineData("alluxio.underfs.kodo.requests.max=0", "'0' must be at least 1")]
    [InlineData("alluxio.underfs.kodo.retry.max.num=-1", "'-1' must be between 0 and 100")]
    public void AKodoValueTheUfsWouldRefuseIsInvalid(string property, string problem)
    {
        var run = CliRun.InProcess(_conf.Path, "-D" + property, "validateConf");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal(
            $"Configuration is invalid: command line: {property[..property.IndexOf('=', StringComparison.Ordinal)]}: {problem}",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AHugeValueIsCutShort()
    {
        var run = CliRun.InProcess(_conf.Path, "-Dalluxio.master.web.port=" + new string('9', 10 * 1024 * 1024), "validateConf");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal(
            $"Configuration is invalid: command line: alluxio.master.web.port: '{new string('9', 64)}…(10485760 chars)' is not a port number (0 to 65535)",
            Assert.Single(run.ErrorLines));
    }
}
