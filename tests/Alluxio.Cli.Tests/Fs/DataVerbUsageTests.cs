using Alluxio.Testing;

namespace Alluxio.Cli.Tests.Fs;

/// <summary>The data verbs' command lines that fail before any master or worker is asked: one line, exit -1.</summary>
public sealed class DataVerbUsageTests : IDisposable
{
    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Theory]
    [InlineData("Command cat requires at least 1 arguments (0 provided). Usage: cat <path>", "cat")]
    [InlineData("Command head takes 1 arguments, not 2. Usage: head [-c <bytes>] <path>", "head", "/a", "/b")]
    [InlineData("specified bytes must be > 0. Usage: head [-c <bytes>] <path>", "head", "-c", "0", "/a")]
    [InlineData("'lots' is not a size for -c; use a byte count such as 1024, 4KB or 8MB. Usage: tail [-c <bytes>] <path>", "tail", "-c", "lots", "/a")]
    [InlineData("Command checksum takes 1 arguments, not 0. Usage: checksum <Alluxio path>", "checksum")]
    [InlineData("Command location takes 1 arguments, not 2. Usage: location <path>", "location", "/a", "/b")]
    [InlineData("Command copyFromLocal takes 2 arguments, not 1. Usage: copyFromLocal [--thread <num>] [--buffersize <bytes>] <src> <remoteDst>", "copyFromLocal", "/a")]
    [InlineData("--thread takes a number of threads (1 or more), not 0. Usage: copyFromLocal [--thread <num>] [--buffersize <bytes>] <src> <remoteDst>", "copyFromLocal", "--thread", "0", "/a", "/b")]
    [InlineData("Command copyToLocal takes 2 arguments, not 3. Usage: copyToLocal [--buffersize <bytes>] <src> <localDst>", "copyToLocal", "/a", "/b", "/c")]
    [InlineData("specified bytes must be > 0. Usage: cp [-R] [--buffersize <bytes>] <src> <dst>", "cp", "--buffersize", "0", "/a", "/b")]
    [InlineData("Unknown option '-x'. Usage: cp [-R] [--buffersize <bytes>] <src> <dst>", "cp", "-x", "/a", "/b")]
    [InlineData("Command load requires at least 1 arguments (0 provided). Usage: load [--local] <path>", "load")]
    [InlineData("--replication 2 is not supported yet: a load caches one copy of each block. Load with --replication 1, then raise the copies with setReplication --min. Usage: distributedLoad [--replication <num>] <path>", "distributedLoad", "--replication", "2", "/a")]
    [InlineData("Command free requires at least 1 arguments (0 provided). Usage: free [-f] <path>", "free")]
    [InlineData("Persistence initial wait time should be smaller than persist timeout and bigger than zero. Usage: persist [-p|--parallelism <#>] [-t|--timeout <milliseconds>] [-w|--wait <milliseconds>] <path> [<path> ...]", "persist", "-w", "10", "-t", "5", "/a")]
    [InlineData("--parallelism takes a number of files to persist at once (1 or more), not x. Usage: persist [-p|--parallelism <#>] [-t|--timeout <milliseconds>] [-w|--wait <milliseconds>] <path> [<path> ...]", "persist", "-p", "x", "/a")]
    [InlineData("At least one option of '--max' or '--min' must be specified. Usage: setReplication [-R] [--max <num> | --min <num>] <path>", "setReplication", "/a")]
    [InlineData("Invalid values for '--max' and '--min' options. Usage: setReplication [-R] [--max <num> | --min <num>] <path>", "setReplication", "--max", "1", "--min", "2", "/a")]
    [InlineData("Command getCapacityBytes takes 0 arguments, not 1. Usage: getCapacityBytes", "getCapacityBytes", "/a")]
    [InlineData("Command getUsedBytes takes 0 arguments, not 1. Usage: getUsedBytes", "getUsedBytes", "/a")]
    public void ABadCommandLineIsOneLineAndExitsMinusOne(string expected, params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, ["fs", .. args]);

        Assert.Equal(255, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void FsListsTheDataVerbs()
    {
        var run = CliRun.InProcess(_conf.Path, "fs");

        foreach (var usage in new[]
        {
            "cat <path>", "head [-c <bytes>] <path>", "tail [-c <bytes>] <path>", "checksum <Alluxio path>", "location <path>",
            "copyFromLocal [--thread <num>] [--buffersize <bytes>] <src> <remoteDst>", "copyToLocal [--buffersize <bytes>] <src> <localDst>",
            "cp [-R] [--buffersize <bytes>] <src> <dst>", "load [--local] <path>", "distributedLoad [--replication <num>] <path>",
            "free [-f] <path>", "getCapacityBytes", "getUsedBytes", "setReplication [-R] [--max <num> | --min <num>] <path>",
            "persist [-p|--parallelism <#>] [-t|--timeout <milliseconds>] [-w|--wait <milliseconds>] <path> [<path> ...]",
        })
        {
            Assert.Contains($"       [{usage}]", run.OutLines);
        }
    }

    [Fact]
    public void CopyingFromAMissingLocalPathSaysSoBeforeAskingTheMaster()
    {
        var missing = Path.Combine(_conf.Path, "missing");
        var run = CliRun.InProcess(
            _conf.Path, "-Dalluxio.master.rpc.port=1", "-Dalluxio.user.rpc.retry.max.duration=0ms", "fs", "copyFromLocal", missing, "/x");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal($"Path \"file://{missing}\" does not exist.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void CpBetweenTwoLocalPathsIsRefused()
    {
        var run = CliRun.InProcess(_conf.Path, "fs", "cp", "file:///a", "file:///b");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal("Schemes must be either file or alluxio, and at most one file scheme is allowed.", Assert.Single(run.ErrorLines));
    }
}
