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

    [Theory]
    [InlineData("Unknown command 'foo'. Run 'alluxio --help' for usage.", "foo")]
    [InlineData("Unknown option '--frob'. Run 'alluxio --help' for usage.", "--frob")]
    [InlineData("No command given. Run 'alluxio --help' for usage.")]
    [InlineData("Unknown option '--frob'. Run 'alluxio validateConf --help' for usage.", "validateConf", "--frob")]
    [InlineData("Unexpected argument 'b'. Run 'alluxio getConf --help' for usage.", "getConf", "a", "b")]
    [InlineData("Option '--path' is required. Run 'alluxio runUfsTests --help' for usage.", "runUfsTests")]
    [InlineData("Required argument missing for option: '--unit'. Run 'alluxio getConf --help' for usage.", "getConf", "--unit")]
    public void ABadCommandLineIsOneLineWithAHint(string expected, params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AHugeUnknownCommandIsCutShort()
    {
        var run = CliRun.InProcess(_conf.Path, new string('z', 5000));

        Assert.Equal($"Unknown command '{new string('z', 64)}…(5000 chars)'. Run 'alluxio --help' for usage.", Assert.Single(run.ErrorLines));
    }
}
