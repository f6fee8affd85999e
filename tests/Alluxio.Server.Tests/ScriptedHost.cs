using System.Globalization;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// A configuration folder for bin/alluxio-start.sh and friends: free ports, a private work folder (journal, logs,
/// pid file) and a fake secret in alluxio-site.properties. Dispose stops whatever the scripts started.
/// </summary>
internal sealed class ScriptedHost : IAsyncDisposable
{
    public const string FakeSecret = "FAKE-SECRET-7f3c1e9a";

    private readonly TempDirectory _root = new();

    public ScriptedHost()
    {
        var ports = FreePorts.Pick(3);
        (RpcPort, WebPort) = (ports[0], ports[1]);
        Directory.CreateDirectory(ConfDirectory);
        File.WriteAllText(
            Path.Combine(ConfDirectory, "alluxio-site.properties"),
            string.Join(
                '\n',
                $"alluxio.work.dir={WorkDirectory}",
                $"alluxio.master.rpc.port={RpcPort.ToString(CultureInfo.InvariantCulture)}",
                $"alluxio.master.web.port={WebPort.ToString(CultureInfo.InvariantCulture)}",
                $"alluxio.master.embedded.journal.port={ports[2].ToString(CultureInfo.InvariantCulture)}",
                $"fs.kodo.secretkey={FakeSecret}",
                ""));
    }

    public string ConfDirectory => Path.Combine(_root.Path, "conf");

    public string WorkDirectory => Path.Combine(_root.Path, "work");

    public string LogsDirectory => Path.Combine(WorkDirectory, "logs");

    public string PidFile => Path.Combine(LogsDirectory, "master.pid");

    public int RpcPort { get; }

    public int WebPort { get; }

    public Uri WebUri => new($"http://localhost:{WebPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Runs bin/<paramref name="script"/> with ALLUXIO_CONF_DIR set to this folder.</summary>
    public Task<ProcessResult> RunAsync(string script, params string[] args) =>
        RunAsync(new Dictionary<string, string>(), script, args);

    /// <summary>Runs bin/<paramref name="script"/> with ALLUXIO_CONF_DIR set to this folder and more variables.</summary>
    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, string script, params string[] args) =>
        ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", script),
            new Dictionary<string, string>(environment) { ["ALLUXIO_CONF_DIR"] = ConfDirectory },
            args,
            TestContext.Current.CancellationToken);

    /// <summary>Sends <paramref name="signal"/> (e.g. "STOP") to <paramref name="pid"/>.</summary>
    public static async Task SignalAsync(int pid, string signal)
    {
        var run = await ProcessRun.RunAsync("kill", new Dictionary<string, string>(), [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>Fails with everything the script printed unless it exited with 0.</summary>
    public static void AssertSucceeded(ProcessResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.All}");
    }

    public int ReadPid() => int.Parse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(PidFile))
        {
            await ProcessRun.RunAsync(
                Path.Combine(RepositoryRoot.Path, "bin", "alluxio-stop.sh"),
                new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = ConfDirectory, ["ALLUXIO_STOP_TIMEOUT"] = "10" },
                ["local"]);
        }

        _root.Dispose();
    }
}
