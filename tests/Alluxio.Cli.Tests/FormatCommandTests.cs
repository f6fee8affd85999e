using System.Runtime.Versioning;
using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>alluxio format in the test process, on a work folder of its own.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FormatCommandTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public FormatCommandTests()
    {
        Directory.CreateDirectory(Conf);
        File.WriteAllText(
            Path.Combine(Conf, "alluxio-site.properties"),
            $"alluxio.work.dir={Work}\nalluxio.worker.tieredstore.level0.dirs.path={Ramdisk}\n");
    }

    private string Conf => Path.Combine(_root.Path, "conf");

    private string Work => Path.Combine(_root.Path, "work");

    private string Journal => Path.Combine(Work, "journal");

    private string Ramdisk => Path.Combine(_root.Path, "ramdisk");

    private string WorkerData => Path.Combine(Ramdisk, "alluxioworker");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void FormatEmptiesTheWorkersStorageAndReplacesTheJournalButKeepsUfsData()
    {
        Directory.CreateDirectory(Path.Combine(Journal, "log"));
        File.WriteAllText(Path.Combine(Journal, "log", "old-entries"), "x");
        File.WriteAllText(Path.Combine(Journal, "stray"), "x");
        Directory.CreateDirectory(WorkerData);
        File.WriteAllText(Path.Combine(WorkerData, "16777216"), "a cached block");
        File.WriteAllText(Path.Combine(Ramdisk, "not-the-workers"), "x");
        var ufsFile = Path.Combine(Work, "underFSStorage", "kept.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(ufsFile)!);
        File.WriteAllText(ufsFile, "UFS data");

        var run = CliRun.InProcess(Conf, "format");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(7, run.OutLines.Length);
        Assert.StartsWith("Formatting Alluxio Worker @ ", run.OutLines[0], StringComparison.Ordinal);
        Assert.Equal("Formatting worker data folder: /alluxioworker/", run.OutLines[1]);
        Assert.Equal($"Formatting Data path for tier 0:{WorkerData}", run.OutLines[2]);
        Assert.Equal("Formatting complete", run.OutLines[3]);
        Assert.StartsWith("Formatting Alluxio Master @ ", run.OutLines[4], StringComparison.Ordinal);
        Assert.Equal($"Formatting master journal: {Journal}", run.OutLines[5]);
        Assert.Equal("Formatting complete", run.OutLines[6]);
        Assert.Empty(run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(WorkerData));
        Assert.Equal((UnixFileMode)Convert.ToInt32("1777", 8), File.GetUnixFileMode(WorkerData));
        Assert.True(File.Exists(Path.Combine(Ramdisk, "not-the-workers")));
        Assert.Equal("UFS data", File.ReadAllText(ufsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Journal));
        Assert.True(File.Exists(Path.Combine(Journal, "journal.version")));
        Assert.False(File.Exists(Path.Combine(Journal, "stray")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Journal, "log")));
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("-s", "-s")]
    [InlineData("-s", "extra")]
    [InlineData("-s=true")]
    [InlineData("now")]
    public void ABadCommandLinePrintsTheUsageAndExitsWithTwo(params string[] args)
    {
        var run = CliRun.InProcess(Conf, ["format", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Usage: alluxio format [-s]", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
        Assert.False(Directory.Exists(Journal));
    }

    [Fact]
    public void SafeFormatsWhenTheLocalRootUfsDoesNotExistYet()
    {
        var run = CliRun.InProcess(Conf, "format", "-s");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Formatting complete", run.OutLines);
        Assert.True(File.Exists(Path.Combine(Journal, "journal.version")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("file://")]
    public void SafeDoesNothingWhenTheLocalRootUfsExists(string scheme)
    {
        var ufs = Path.Combine(_root.Path, "ufs");
        Directory.CreateDirectory(ufs);

        var run = CliRun.InProcess(Conf, $"-Dalluxio.master.mount.table.root.ufs={scheme}{ufs}", "format", "-s");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.All);
        Assert.False(Directory.Exists(Journal));
    }

    [Fact]
    public void SafeDoesNothingWhenTheRootUfsIsNotLocal()
    {
        var run = CliRun.InProcess(Conf, "-Dalluxio.master.mount.table.root.ufs=kodo://bucket/dir/", "format", "-s");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.All);
        Assert.False(Directory.Exists(Journal));
    }

    [Fact]
    public void AFolderThatCannotBeWrittenIsOneLineAndExits255()
    {
        File.WriteAllText(Path.Combine(_root.Path, "a-file"), "x");

        var run = CliRun.InProcess(Conf, $"-Dalluxio.master.journal.folder={Path.Combine(_root.Path, "a-file", "journal")}", "format");

        Assert.Equal(255, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"Error: Cannot format the journal in {Path.Combine(_root.Path, "a-file", "journal")}", line, StringComparison.Ordinal);
    }
}
