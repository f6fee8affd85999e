using System.Globalization;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// bin/alluxio fs against one master, as a user types it: each call is a new process, and every output is kept so a
/// test can search them all for a secret at the end. Calls may run in parallel.
/// </summary>
internal sealed class FsShell(MasterProcess master, CancellationToken cancellationToken)
{
    private readonly Lock _outputsLock = new();
    private readonly List<string> _outputs = [];

    /// <summary>Everything every call printed.</summary>
    public IReadOnlyList<string> Outputs
    {
        get
        {
            lock (_outputsLock)
            {
                return [.. _outputs];
            }
        }
    }

    /// <summary>Runs bin/alluxio with <paramref name="args"/> (the first is usually "fs").</summary>
    public async Task<ProcessResult> RunAsync(params string[] args)
    {
        var run = await ProcessRun.RunAsync(Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), master.Environment, args, cancellationToken);
        lock (_outputsLock)
        {
            _outputs.Add(run.All);
        }

        return run;
    }

    /// <summary>`fs` with <paramref name="args"/>: exit 0, nothing on stderr but a first-use build; the lines printed.</summary>
    public async Task<string[]> OkAsync(params string[] args)
    {
        var run = await RunAsync(["fs", .. args]);
        Assert.True(run.ExitCode == 0, $"fs {string.Join(' ', args)} exited {run.ExitCode}: {run.All}");
        Assert.Empty(ErrorLines(run));
        return run.OutLines;
    }

    /// <summary>`fs` with <paramref name="args"/>: exit -1 (255) and one line on stderr, no stack trace; that line.</summary>
    public async Task<string> FailsAsync(params string[] args)
    {
        var run = await RunAsync(["fs", .. args]);
        Assert.True(run.ExitCode == 255, $"fs {string.Join(' ', args)} exited {run.ExitCode}: {run.All}");
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        return Assert.Single(ErrorLines(run));
    }

    /// <summary>The exit code of `fs test`, which prints nothing.</summary>
    public async Task<int> TestAsync(string flag, string path)
    {
        var run = await RunAsync("fs", "test", flag, path);
        Assert.Equal("", run.Out);
        return run.ExitCode;
    }

    /// <summary>`fs stat -f format path`, the one line.</summary>
    public async Task<string> StatAsync(string format, string path) => Assert.Single(await OkAsync("stat", "-f", format, path));

    /// <summary>The last modification time of <paramref name="path"/> in ms, from stat -f %Y.</summary>
    public async Task<long> ModifiedAsync(string path) => long.Parse(await StatAsync("%Y", path), CultureInfo.InvariantCulture);

    private static string[] ErrorLines(ProcessResult run) =>
        [.. run.ErrorLines.Where(l => !l.StartsWith("Buil", StringComparison.Ordinal))];
}
