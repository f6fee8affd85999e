using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

public sealed class RunUfsTestsCommandTests : IDisposable
{
    private readonly TempDirectory _conf = new();
    private readonly TempDirectory _ufs = new();

    public void Dispose()
    {
        _conf.Dispose();
        _ufs.Dispose();
    }

    [Fact]
    public void TheLocalUfsPassesTheWholeSuite()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests", "--path", _ufs.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Tests completed with 0 failed.", run.OutLines[^1]);
        Assert.Equal(42, run.OutLines.Count(l => l.StartsWith("Running test: ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Failed the test!", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_ufs.Path));
    }

    [Fact]
    public void OneCaseCanBeChosen()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests", "--path", "file://" + _ufs.Path, "--test", "renameDirectoryDeepTest");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Running test: renameDirectoryDeepTest...", "Passed the test!", "Tests completed with 0 failed."], run.OutLines);
    }

    [Fact]
    public void APathNoUfsSupportsExitsOne()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests", "--path", "nope://bucket/dir");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "Error: No under file system supports the scheme 'nope' of nope://bucket/dir; supported schemes: file, kodo.",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AKodoPathWithoutABucketSaysWhatIsMissing()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests", "--path", "kodo:///dir");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error: Path kodo:///dir is invalid: a kodo:// URI names its bucket, as in kodo://bucket/dir/.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AnUnreadableLocalPathIsOneReadableLine()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests", "--path", "/proc/ufs");

        Assert.Equal(255, run.ExitCode);
        var line = Assert.Single(run.OutLines.Concat(run.ErrorLines), l => l.Contains("/proc/ufs", StringComparison.Ordinal));
        Assert.DoesNotMatch("[A-Z][a-z]+_[A-Za-z]+_", line);
        Assert.Contains("Failed to create the test directory /proc/ufs/", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedOptionIsAUsageError()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests", "--path", _ufs.Path, "--option", "novalue");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expected key=value", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPathIsAUsageError()
    {
        var run = CliRun.InProcess(_conf.Path, "runUfsTests");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--path", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ATooSmallKodoPartSizeIsReportedNamingTheKey()
    {
        var run = CliRun.InProcess(
            _conf.Path,
            "runUfsTests", "--path", "kodo://bucket/dir",
            "--option", "fs.kodo.accesskey=FAKE-AK-5e",
            "--option", "fs.kodo.secretkey=FAKE-SK-5e",
            "--option", "alluxio.underfs.kodo.downloadhost=dl.example.com",
            "--option", "alluxio.underfs.kodo.endpoint=127.0.0.1:1",
            "--option", "alluxio.underfs.kodo.multipart.part.size=10KB");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal(
            "Error: alluxio.underfs.kodo.multipart.part.size: '10KB' must be between 1MB and 1GB",
            Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("FAKE-", run.All, StringComparison.Ordinal);
    }
}
