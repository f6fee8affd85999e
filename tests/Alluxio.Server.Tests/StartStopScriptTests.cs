using System.Net;
using System.Net.Sockets;

namespace Alluxio.Server.Tests;

/// <summary>bin/alluxio-start.sh and bin/alluxio-stop.sh run as a user runs them, on a private configuration.</summary>
public sealed class StartStopScriptTests : IAsyncDisposable
{
    private readonly ScriptedHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task StartServesUntilStopAndLeavesNothingBehind()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var start = await _host.RunAsync("alluxio-start.sh", "master");

        ScriptedHost.AssertSucceeded(start);
        Assert.Contains(start.OutLines, l => l.StartsWith("Starting master @ ", StringComparison.Ordinal) && l.EndsWith($". Logging to {_host.LogsDirectory}", StringComparison.Ordinal));
        Assert.Contains(start.OutLines, l => l.Contains("[ OK ] The master service @ ", StringComparison.Ordinal));
        var pid = _host.ReadPid();
        Assert.True(ProcessTable.IsRunning(pid));

        using var http = new HttpClient();
        var info = await http.GetStringAsync(new Uri(_host.WebUri, "api/v1/master/info"), cancellationToken);
        var metrics = await http.GetStringAsync(new Uri(_host.WebUri, "metrics/prometheus"), cancellationToken);
        Assert.Contains("\"Master.TotalPaths\": 1", info, StringComparison.Ordinal);

        var stop = await _host.RunAsync("alluxio-stop.sh", "master");

        ScriptedHost.AssertSucceeded(stop);
        Assert.Matches(@"^Killed 1 process\(es\) on \S+$", Assert.Single(stop.OutLines));
        Assert.False(ProcessTable.IsRunning(pid));
        Assert.False(File.Exists(_host.PidFile));

        string[] seen =
        [
            start.All, stop.All, info, metrics,
            await File.ReadAllTextAsync(Path.Combine(_host.LogsDirectory, "master.log"), cancellationToken),
            await File.ReadAllTextAsync(Path.Combine(_host.LogsDirectory, "master.out"), cancellationToken),
        ];
        Assert.All(seen, text => Assert.DoesNotContain(ScriptedHost.FakeSecret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondMasterIsRefusedWhileOneRuns()
    {
        ScriptedHost.AssertSucceeded(await _host.RunAsync("alluxio-start.sh", "master"));
        var pid = _host.ReadPid();

        var second = await _host.RunAsync("alluxio-start.sh", "master");

        Assert.Equal(1, second.ExitCode);
        var line = Assert.Single(second.ErrorLines);
        Assert.Contains($"a master is running already on this host (pid {pid}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Starting master", second.Out, StringComparison.Ordinal);
        Assert.Equal(pid, _host.ReadPid());
        Assert.True(ProcessTable.IsRunning(pid));
    }

    [Fact]
    public async Task ABusyPortFailsWithTheLogTail()
    {
        using var squatter = new TcpListener(IPAddress.Any, _host.RpcPort);
        squatter.Start();

        var start = await _host.RunAsync("alluxio-start.sh", "master");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains(start.OutLines, l => l.Contains("[ FAILED ] The master @ ", StringComparison.Ordinal) && l.EndsWith("exited with code 1.", StringComparison.Ordinal));
        Assert.Contains($"--- Printing the log tail for {Path.Combine(_host.LogsDirectory, "master.out")}", start.OutLines);
        Assert.Contains(start.OutLines, l => l.StartsWith("Error: ", StringComparison.Ordinal) && l.Contains("address already in use", StringComparison.Ordinal));
        Assert.DoesNotContain(start.OutLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.False(File.Exists(_host.PidFile));
        Assert.DoesNotContain(ScriptedHost.FakeSecret, start.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalAssumesNoMountStopsWhatRunsFirstThenStartsTheMasterTheWorkerAndTheProxy()
    {
        ScriptedHost.AssertSucceeded(await _host.RunAsync("alluxio-start.sh", "master"));
        var first = _host.ReadPid();

        var local = await _host.RunAsync("alluxio-start.sh", "local");

        ScriptedHost.AssertSucceeded(local);
        Assert.Equal("Assuming NoMount by default.", local.OutLines[0]);

        // The stop goes proxy and worker first (none runs), then the master that did.
        Assert.Matches(@"^Killed 0 process\(es\) on \S+$", local.OutLines[1]);
        Assert.Matches(@"^Killed 0 process\(es\) on \S+$", local.OutLines[2]);
        Assert.Matches(@"^Killed 1 process\(es\) on \S+$", local.OutLines[3]);
        var master = Array.FindIndex(local.OutLines, l => l.Contains("[ OK ] The master service @ ", StringComparison.Ordinal));
        var worker = Array.FindIndex(local.OutLines, l => l.Contains("[ OK ] The worker service @ ", StringComparison.Ordinal));
        var proxy = Array.FindIndex(local.OutLines, l => l.Contains("[ OK ] The proxy service @ ", StringComparison.Ordinal));
        Assert.True(master > 0 && worker > master && proxy > worker, local.All);
        Assert.False(ProcessTable.IsRunning(first));
        int[] pids = [_host.ReadPid(), ReadPid(_host.WorkerPidFile), ReadPid(_host.ProxyPidFile)];
        Assert.All(pids, pid => Assert.True(ProcessTable.IsRunning(pid)));

        var stop = await _host.RunAsync("alluxio-stop.sh", "local");

        ScriptedHost.AssertSucceeded(stop);
        Assert.Equal(3, stop.OutLines.Count(l => l.StartsWith("Killed 1 process(es) on ", StringComparison.Ordinal)));
        Assert.All(pids, pid => Assert.False(ProcessTable.IsRunning(pid)));
        Assert.False(File.Exists(_host.PidFile));
        Assert.False(File.Exists(_host.WorkerPidFile));
        Assert.False(File.Exists(_host.ProxyPidFile));
    }

    [Fact]
    public async Task AMasterThatDoesNotEndIsKilledAfterTheTimeout()
    {
        ScriptedHost.AssertSucceeded(await _host.RunAsync("alluxio-start.sh", "master"));
        var pid = _host.ReadPid();
        await ScriptedHost.SignalAsync(pid, "STOP");

        var stop = await _host.RunAsync(new Dictionary<string, string> { ["ALLUXIO_STOP_TIMEOUT"] = "1" }, "alluxio-stop.sh", "master");

        ScriptedHost.AssertSucceeded(stop);
        Assert.Equal("Process did not complete after 1 seconds, killing.", stop.OutLines[0]);
        Assert.Matches(@"^Killed 1 process\(es\) on \S+$", stop.OutLines[1]);
        Assert.False(ProcessTable.IsRunning(pid));
        Assert.False(File.Exists(_host.PidFile));
    }

    [Fact]
    public async Task ASoftStopLeavesAMasterThatDoesNotEndRunning()
    {
        ScriptedHost.AssertSucceeded(await _host.RunAsync("alluxio-start.sh", "master"));
        var pid = _host.ReadPid();
        await ScriptedHost.SignalAsync(pid, "STOP");

        var stop = await _host.RunAsync(new Dictionary<string, string> { ["ALLUXIO_STOP_TIMEOUT"] = "1" }, "alluxio-stop.sh", "master", "-s");

        Assert.Equal(1, stop.ExitCode);
        Assert.Equal($"Error: the master (pid {pid}) did not stop within 1 seconds; it is left running (-s).", Assert.Single(stop.ErrorLines));
        Assert.True(ProcessTable.IsRunning(pid));
        Assert.Equal(pid, _host.ReadPid());

        // The SIGTERM is still pending: once resumed, the master ends and the next stop finds nothing to kill.
        await ScriptedHost.SignalAsync(pid, "CONT");
        ScriptedHost.AssertSucceeded(await _host.RunAsync("alluxio-stop.sh", "master"));
        Assert.False(ProcessTable.IsRunning(pid));
    }

    [Fact]
    public async Task AWorkerWithoutAMasterSaysItHasNotRegistered()
    {
        // The script tells "serves but has not registered" only once the worker's web server answers, so the wait
        // must outlast a worker's start on a loaded machine; a worker that never registers makes the test wait all of it.
        var start = await _host.RunAsync(new Dictionary<string, string> { ["ALLUXIO_START_TIMEOUT"] = "10" }, "alluxio-start.sh", "worker");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains(start.OutLines, l => l.StartsWith("--- [ FAILED ] The worker @ ", StringComparison.Ordinal)
            && l.Contains($"has not registered with the master at localhost:{_host.RpcPort}", StringComparison.Ordinal));
        ScriptedHost.AssertSucceeded(await _host.RunAsync("alluxio-stop.sh", "worker"));
        Assert.False(File.Exists(_host.WorkerPidFile));
    }

    [Fact]
    public async Task StopSucceedsWhenNothingRuns()
    {
        var stop = await _host.RunAsync("alluxio-stop.sh", "local");

        ScriptedHost.AssertSucceeded(stop);
        Assert.Equal(3, stop.OutLines.Length);
        Assert.All(stop.OutLines, l => Assert.Matches(@"^Killed 0 process\(es\) on \S+$", l));
        Assert.Empty(stop.Error);
    }

    [Fact]
    public async Task TheProxyStartsWithoutAMasterServesItsInfoAndStops()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var start = await _host.RunAsync("alluxio-start.sh", "proxy");

        ScriptedHost.AssertSucceeded(start);
        Assert.Contains(start.OutLines, l => l.StartsWith("Starting proxy @ ", StringComparison.Ordinal));
        Assert.Contains(start.OutLines, l => l.Contains("[ OK ] The proxy service @ ", StringComparison.Ordinal));
        var pid = ReadPid(_host.ProxyPidFile);
        using var http = new HttpClient();
        var info = await http.GetStringAsync(new Uri(_host.ProxyUri, "api/v1/proxy/info"), cancellationToken);
        Assert.Contains("\"alluxio.proxy.web.port\": \"" + _host.ProxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"", info, StringComparison.Ordinal);
        Assert.Contains("\"fs.kodo.secretkey\": \"******\"", info, StringComparison.Ordinal);

        var stop = await _host.RunAsync("alluxio-stop.sh", "proxy");

        ScriptedHost.AssertSucceeded(stop);
        Assert.Matches(@"^Killed 1 process\(es\) on \S+$", Assert.Single(stop.OutLines));
        Assert.False(ProcessTable.IsRunning(pid));
        Assert.False(File.Exists(_host.ProxyPidFile));
        string[] seen = [start.All, stop.All, info, await File.ReadAllTextAsync(Path.Combine(_host.LogsDirectory, "proxy.log"), cancellationToken)];
        Assert.All(seen, text => Assert.DoesNotContain(ScriptedHost.FakeSecret, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("alluxio-start.sh")]
    [InlineData("alluxio-start.sh", "everything")]
    [InlineData("alluxio-start.sh", "local", "Sometimes")]
    [InlineData("alluxio-start.sh", "-x", "master")]
    [InlineData("alluxio-stop.sh", "everything")]
    [InlineData("alluxio-stop.sh", "master", "-x")]
    public async Task ABadCommandLinePrintsTheUsage(string script, params string[] args)
    {
        var run = await _host.RunAsync(script, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith($"Usage: {script} ", StringComparison.Ordinal));
        Assert.False(File.Exists(_host.PidFile));
    }

    private static int ReadPid(string pidFile) => int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
