using System.Globalization;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// A configuration folder for bin/alluxio-start.sh and friends: free ports for the master, the worker and the proxy, a private
/// work folder (journal, logs, pid files, the root UFS), a private worker storage folder and a fake secret in
/// alluxio-site.properties, after any properties the test adds. Dispose stops whatever the scripts started.
/// </summary>
internal sealed class ScriptedHost : IAsyncDisposable
{
    public const string FakeSecret = "FAKE-SECRET-7f3c1e9a";

    private readonly TempDirectory _root = new();

    public ScriptedHost(string siteProperties = "")
    {
        var ports = FreePorts.Pick(6);
        (RpcPort, WebPort, WorkerRpcPort, WorkerWebPort, ProxyPort) = (ports[0], ports[1], ports[3], ports[4], ports[5]);
        Directory.CreateDirectory(ConfDirectory);
        File.WriteAllText(
            Path.Combine(ConfDirectory, "alluxio-site.properties"),
            string.Join(
                '\n',
                siteProperties,
                $"alluxio.work.dir={WorkDirectory}",
                $"alluxio.master.rpc.port={Text(RpcPort)}",
                $"alluxio.master.web.port={Text(WebPort)}",
                $"alluxio.master.embedded.journal.port={Text(ports[2])}",
                $"alluxio.worker.rpc.port={Text(WorkerRpcPort)}",
                $"alluxio.worker.web.port={Text(WorkerWebPort)}",
                $"alluxio.proxy.web.port={Text(ProxyPort)}",
                $"alluxio.worker.tieredstore.level0.dirs.path={WorkerStorageDirectory}",
                "alluxio.worker.ramdisk.size=256MB",
                siteProperties.Contains("fs.kodo.secretkey", StringComparison.Ordinal) ? "" : $"fs.kodo.secretkey={FakeSecret}",
                ""));
    }

    public string ConfDirectory => Path.Combine(_root.Path, "conf");

    public string WorkDirectory => Path.Combine(_root.Path, "work");

    public string LogsDirectory => Path.Combine(WorkDirectory, "logs");

    /// <summary>The worker's tier folder (a tmpfs in production; any folder serves a test).</summary>
    public string WorkerStorageDirectory => Path.Combine(_root.Path, "ramdisk");

    public string PidFile => Path.Combine(LogsDirectory, "master.pid");

    public string WorkerPidFile => Path.Combine(LogsDirectory, "worker.pid");

    public string ProxyPidFile => Path.Combine(LogsDirectory, "proxy.pid");

    public int RpcPort { get; }

    public int WebPort { get; }

    public int WorkerRpcPort { get; }

    public int WorkerWebPort { get; }

    public int ProxyPort { get; }

    public Uri ProxyUri => new($"http://localhost:{ProxyPort.ToString(CultureInfo.InvariantCulture)}/");

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

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(PidFile) || File.Exists(WorkerPidFile) || File.Exists(ProxyPidFile))
        {
            await ProcessRun.RunAsync(
                Path.Combine(RepositoryRoot.Path, "bin", "alluxio-stop.sh"),
                new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = ConfDirectory, ["ALLUXIO_STOP_TIMEOUT"] = "10" },
                ["local"]);
        }

        _root.Dispose();
    }
}
