using System.Runtime.Versioning;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>bin/alluxio format against the journal of a real master.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FormatTests
{
    [Fact]
    public async Task FormatWipesTheJournalSoThatARestartHasAnEmptyNamespace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var master = await MasterProcess.StartAsync(cancellationToken: cancellationToken);
        await MasterClient.CreateDirectoryAsync(master, "/before-format", cancellationToken);
        Assert.Equal(2, await MasterClient.TotalPathsAsync(master, cancellationToken));
        Assert.Equal(0, await master.StopAsync(cancellationToken));
        File.SetUnixFileMode(master.JournalFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var format = await RunAsync(master, "format");

        Assert.Equal(0, format.ExitCode);
        Assert.Matches(@"^Formatting Alluxio Worker @ \S+$", format.OutLines[0]);
        Assert.Matches(@"^Formatting Alluxio Master @ \S+$", format.OutLines[4]);
        Assert.Equal($"Formatting master journal: {master.JournalFolder}", format.OutLines[5]);
        Assert.Equal("Formatting complete", format.OutLines[6]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(master.JournalFolder));

        await master.RestartAsync(cancellationToken);

        Assert.Equal(1, await MasterClient.TotalPathsAsync(master, cancellationToken));
    }

    [Fact]
    public async Task FormatIsRefusedWhileTheMasterRuns()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var master = await MasterProcess.StartAsync(cancellationToken: cancellationToken);
        await MasterClient.CreateDirectoryAsync(master, "/kept", cancellationToken);

        var format = await RunAsync(master, "format");

        Assert.Equal(255, format.ExitCode);
        var line = Assert.Single(format.ErrorLines, l => !l.StartsWith("Buil", StringComparison.Ordinal));
        Assert.Equal($"Error: The journal in {master.JournalFolder} is in use by a running master or tool; stop it first.", line);
        Assert.DoesNotContain("Formatting complete", format.Out, StringComparison.Ordinal);
        Assert.Equal(2, await MasterClient.TotalPathsAsync(master, cancellationToken));
    }

    [Fact]
    public async Task ABadFormatCommandLineExitsWithTwo()
    {
        using var conf = new TempDirectory();

        var run = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"),
            new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = conf.Path },
            ["format", "-x"],
            TestContext.Current.CancellationToken);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Usage: alluxio format [-s]", Assert.Single(run.ErrorLines, l => !l.StartsWith("Buil", StringComparison.Ordinal)));
        Assert.Empty(run.Out);
    }

    private static Task<ProcessResult> RunAsync(MasterProcess master, params string[] args) =>
        ProcessRun.RunAsync(Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), master.Environment, args, TestContext.Current.CancellationToken);
}
