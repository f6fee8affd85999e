using System.Globalization;
using System.Text.Json;

namespace Alluxio.Testing;

/// <summary>
/// The real worker process, <c>bin/alluxio-server worker</c>, run as a user runs it, beside a
/// <see cref="MasterProcess"/> (or with no master at all).
/// </summary>
/// <remarks>
/// Each instance owns a temp folder with conf/ (the master's alluxio-site.properties, so the worker finds that
/// master, plus the worker's own lines), logs/ and store/ (its one MEM tier, with a small quota, unless the options
/// place it elsewhere). A start is done
/// when GET /api/v1/worker/info answers and, when asked, the worker has registered (the answer has an id).
/// <see cref="StopAsync"/> sends SIGTERM, <see cref="KillAsync"/> SIGKILL; <see cref="RestartAsync"/> starts it
/// again on the same folders and ports. Dispose stops it and deletes the folder.
/// </remarks>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const int PortAttempts = 3;

    private readonly MasterProcess? _master;
    private readonly WorkerProcessOptions _options;
    private readonly TempDirectory _root = new();
    private readonly ServerProcessRunner _runner = new("worker");

    private WorkerProcess(MasterProcess? master, WorkerProcessOptions options)
    {
        _master = master;
        _options = options;
        Directory.CreateDirectory(ConfDirectory);
    }

    public string ConfDirectory => Path.Combine(_root.Path, "conf");

    /// <summary>The worker's log, ${alluxio.logs.dir}/worker.log.</summary>
    public string LogFile => Path.Combine(_root.Path, "logs", "worker.log");

    /// <summary>alluxio.worker.tieredstore.level0.dirs.path.</summary>
    public string StoreFolder => _options.StoreFolder ?? Path.Combine(_root.Path, "store");

    public int RpcPort { get; private set; }

    public int WebPort { get; private set; }

    /// <summary>host:port of the data service.</summary>
    public string RpcAddress => $"localhost:{RpcPort}";

    public Uri WebUri => new($"http://localhost:{WebPort}/");

    /// <summary>The environment under which a process uses this worker's configuration.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = ConfDirectory };

    public int ProcessId => _runner.Process.Id;

    public bool IsRunning => _runner.IsRunning;

    public string Output => _runner.Output;

    /// <summary>Starts a worker of <paramref name="master"/> (null: its master is down) and waits until it serves.</summary>
    /// <exception cref="ServerStartException">It ended, or was not ready within the options' start timeout.</exception>
    public static async Task<WorkerProcess> StartAsync(
        MasterProcess? master, WorkerProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        var worker = new WorkerProcess(master, options ?? new WorkerProcessOptions());
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                worker.UsePorts(FreePorts.Pick(3));
                try
                {
                    await worker.LaunchAsync(cancellationToken).ConfigureAwait(false);
                    return worker;
                }
                catch (ServerStartException e) when (attempt < PortAttempts && e.Output.Contains("in use already", StringComparison.OrdinalIgnoreCase))
                {
                    // Another process took a port between the pick and the bind: pick again.
                }
            }
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<int> StopAsync(CancellationToken cancellationToken = default) => _runner.StopAsync(cancellationToken);

    public Task<int> KillAsync(CancellationToken cancellationToken = default) => _runner.KillAsync(cancellationToken);

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken = default) => _runner.WaitForExitAsync(cancellationToken);

    /// <summary>Starts the worker again on the same folders and ports (stopping it with SIGTERM first if it runs).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            await StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET on the web port, e.g. "api/v1/worker/info"; fails on an error status.</summary>
    public Task<string> GetStringAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        _runner.Http.GetStringAsync(new Uri(WebUri, pathAndQuery), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _runner.StopIfRunningAsync().ConfigureAwait(false);
        _runner.Dispose();
        _root.Dispose();
    }

    private void UsePorts(int[] ports)
    {
        (RpcPort, WebPort) = (ports[0], ports[1]);
        var masterSite = _master is null ? "" : File.ReadAllText(Path.Combine(_master.ConfDirectory, "alluxio-site.properties"));

        // Without a master, its port is one nothing listens on.
        var noMaster = _master is null ? $"alluxio.master.rpc.port={ports[2].ToString(CultureInfo.InvariantCulture)}" : "";
        var own = string.Join(
            '\n',
            noMaster,
            "alluxio.master.hostname=localhost",
            "alluxio.worker.hostname=localhost",
            $"alluxio.logs.dir={Path.Combine(_root.Path, "logs")}",
            $"alluxio.worker.rpc.port={RpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"alluxio.worker.web.port={WebPort.ToString(CultureInfo.InvariantCulture)}",
            $"alluxio.worker.tieredstore.level0.dirs.path={StoreFolder}",
            $"alluxio.worker.tieredstore.level0.dirs.quota={_options.Quota}");
        File.WriteAllText(Path.Combine(ConfDirectory, "alluxio-site.properties"), $"{masterSite}\n{_options.SiteProperties}\n{own}\n");
    }

    private Task LaunchAsync(CancellationToken cancellationToken) =>
        _runner.LaunchAsync(
            [],
            [new("ALLUXIO_CONF_DIR", ConfDirectory), .. _options.Environment],
            _options.StartTimeout,
            ReadyAsync,
            (message, exitCode, output) => new ServerStartException(message, exitCode, output),
            cancellationToken);

    private async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        var info = await _runner.TryGetAsync(new Uri(WebUri, "api/v1/worker/info"), cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return false;
        }

        if (!_options.WaitForRegistration)
        {
            return true;
        }

        using var document = JsonDocument.Parse(info);
        return document.RootElement.GetProperty("id").ValueKind == JsonValueKind.Number;
    }
}
