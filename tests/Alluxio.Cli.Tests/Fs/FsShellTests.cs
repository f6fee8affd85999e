using Alluxio.Testing;

namespace Alluxio.Cli.Tests.Fs;

/// <summary>The fs shell's command lines that fail or finish before any master is asked.</summary>
public sealed class FsShellTests : IDisposable
{
    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Theory]
    [InlineData("Command ls requires at least 1 arguments (0 provided). Usage: ls [-d|-f|-p|-R|-h|--sort=option|--timestamp=option|-r] <path> ...", "ls")]
    [InlineData("Command stat takes 1 arguments, not 2. Usage: stat [-f <format>] <path>", "stat", "/a", "/b")]
    [InlineData("Command mount takes 0 or 2 arguments, not 1. Usage: mount [--readonly] [--shared] [--option <key=val>] <alluxioPath> <ufsURI>", "mount", "/a")]
    [InlineData("Command mkdir requires at least 1 arguments (0 provided). Usage: mkdir <path1> [path2] ... [pathn]", "mkdir")]
    [InlineData("Unknown option '--frob'. Usage: ls [-d|-f|-p|-R|-h|--sort=option|--timestamp=option|-r] <path> ...", "ls", "--frob", "/")]
    [InlineData("Unrecognized timestamp option bogus. Usage: ls [-d|-f|-p|-R|-h|--sort=option|--timestamp=option|-r] <path> ...", "ls", "--timestamp=bogus", "/")]
    [InlineData("Invalid sort option `bogus` for --sort", "ls", "--sort", "bogus", "/")]
    [InlineData("TTL action should be DELETE OR FREE, not nope. Usage: setTtl [--action delete|free] <path> <time to live>", "setTtl", "--action", "nope", "/x", "1")]
    [InlineData("Failed to parse a:b:c as user or user:group. Usage: chown [-R] <owner>[:<group>] <path>", "chown", "a:b:c", "/x")]
    [InlineData("Invalid mode rwx - contains invalid segment rwx. Usage: chmod [-R] <mode> <path>", "chmod", "-R", "rwx", "/x")]
    [InlineData("Each --option must be key=value. Usage: updateMount [--readonly] [--shared] [--option <key=val>] <alluxioPath>", "updateMount", "--option", "fs.kodo.accesskey", "/x")]
    [InlineData("Command unmount takes 1 arguments, not 0. Usage: unmount <alluxioPath>", "umount")]
    [InlineData("frob is an unknown command. Run 'alluxio fs' for the list of commands.", "frob")]
    public void ABadCommandLineIsOneLineAndExitsMinusOne(string expected, params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, ["fs", .. args]);

        Assert.Equal(255, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("ls", "--option=fs.kodo.secretkey=SK-fake-secret-value", "/")]
    [InlineData("mount", "--option", "fs.kodo.secretkey=SK-fake-secret-value", "/a")]
    [InlineData("mount", "--option", "SK-fake-secret-value", "/a", "kodo://b/")]
    public void ASecretOnABadCommandLineIsNotRepeated(params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, ["fs", .. args]);

        Assert.Equal(255, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.DoesNotContain("SK-fake-secret-value", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPropertiesMayFollowFs()
    {
        var run = CliRun.InProcess(_conf.Path, "fs", "-Dalluxio.user.file.metadata.sync.interval=0", "ls");

        Assert.Equal(255, run.ExitCode);
        Assert.StartsWith("Command ls requires at least 1 arguments", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void FsAloneListsEveryVerbsUsage()
    {
        var run = CliRun.InProcess(_conf.Path, "fs");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal("Usage: alluxio fs [generic options]", run.OutLines[0]);
        Assert.Contains("       [count [-h] <path>]", run.OutLines);
        Assert.Contains("       [setTtl [--action delete|free] <path> <time to live>]", run.OutLines);
    }

    [Theory]
    [InlineData("ls")]
    [InlineData("count")]
    [InlineData("mount")]
    public void HelpShowsAlluxiosUsage(string verb)
    {
        var run = CliRun.InProcess(_conf.Path, "fs", verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Usage: {verb}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TestWithTwoPropertiesExitsMinusOneSilently()
    {
        var run = CliRun.InProcess(_conf.Path, "fs", "test", "-d", "-f", "/x");

        Assert.Equal(255, run.ExitCode);
        Assert.Empty(run.All);
    }

    [Fact]
    public void AnUnreachableMasterIsOneLineNamingIt()
    {
        var run = CliRun.InProcess(
            _conf.Path, "-Dalluxio.master.rpc.port=1", "-Dalluxio.user.rpc.retry.max.duration=0ms", "fs", "stat", "kodo/");

        Assert.Equal(255, run.ExitCode);
        Assert.StartsWith("Failed to connect to the master at localhost:1; it may not be running", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void TestIsFalseWhenTheMasterCannotAnswer()
    {
        var run = CliRun.InProcess(
            _conf.Path, "-Dalluxio.master.rpc.port=1", "-Dalluxio.user.rpc.retry.max.duration=0ms", "fs", "test", "-e", "/x");

        Assert.Equal(1, run.ExitCode);
    }
}
