using Alluxio.Testing;

namespace Alluxio.Cli.Tests.Fs;

/// <summary>fsadmin report's command lines that fail before the master is asked.</summary>
public sealed class ReportUsageTests : IDisposable
{
    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Theory]
    [InlineData("'bogus' is not a report category; use summary, capacity, metrics or ufs.", "report", "bogus")]
    [InlineData("Too many arguments passed in: give one of -live, -lost or -workers.", "report", "capacity", "-live", "-lost")]
    [InlineData("-live, -lost and -workers go with report capacity, not report summary.", "report", "-live")]
    public void ABadReportIsOneLineAndExitsMinusOne(string expected, params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, ["fsadmin", .. args]);

        Assert.Equal(255, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AnUnreachableMasterIsOneLine()
    {
        var run = CliRun.InProcess(_conf.Path, "-Dalluxio.master.rpc.port=1", "-Dalluxio.user.rpc.retry.max.duration=0ms", "fsadmin", "report");

        Assert.Equal(255, run.ExitCode);
        Assert.StartsWith("Failed to connect to the master at localhost:1", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
