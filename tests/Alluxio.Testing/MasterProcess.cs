using System.Globalization;
using System.Text.Json;

namespace Alluxio.Testing;

/// <summary>
/// The real master process, <c>bin/alluxio-server master</c>, run the way a user runs it, for tests of processes:
/// crashes, restarts, the CLI end to end.
/// </summary>
/// <remarks>
/// <para>
/// Each instance owns a temp folder holding <see cref="ConfDirectory"/> (alluxio-site.properties, passed as
/// ALLUXIO_CONF_DIR) and <see cref="WorkDirectory"/> (alluxio.work.dir: journal/, logs/, underFSStorage/, the root
/// UFS by default). The site file holds the options' text followed by the work folder and three free ports (RPC,
/// web, embedded journal), so that any process given <see cref="Environment"/> — bin/alluxio, a client — finds
/// this master with no other setting. A start is done when GET /api/v1/master/info answers on the web port: the
/// web server opens only after the journal is replayed. Polling has a deadline and stops at once when the process
/// ends; a start that loses a port to another process is retried on new ports.
/// </para>
/// <para>
/// <see cref="StopAsync"/> ends it with SIGTERM (a clean stop), <see cref="KillAsync"/> with SIGKILL (a crash);
/// <see cref="RestartAsync(CancellationToken)"/> starts it again on the same folder and ports. Dispose stops it and deletes the folder.
/// The first start of a test run may build the server (bin/alluxio-server builds on first use); build it up front
/// to keep that out of a test's time.
/// </para>
/// </remarks>
public sealed class MasterProcess : IAsyncDisposable
{
    private const int PortAttempts = 3;

    private MasterProcessOptions _options;
    private readonly TempDirectory _root;
    private readonly ServerProcessRunner _runner = new("master");

    private MasterProcess(MasterProcessOptions options, TempDirectory root)
    {
        _options = options;
        _root = root;
        Directory.CreateDirectory(ConfDirectory);
        Directory.CreateDirectory(WorkDirectory);
    }

    /// <summary>The folder of alluxio-site.properties (ALLUXIO_CONF_DIR).</summary>
    public string ConfDirectory => Path.Combine(_root.Path, "conf");

    /// <summary>alluxio.work.dir: journal/, logs/ and underFSStorage/ live here.</summary>
    public string WorkDirectory => Path.Combine(_root.Path, "work");

    /// <summary>alluxio.master.journal.folder.</summary>
    public string JournalFolder => Path.Combine(WorkDirectory, "journal");

    /// <summary>The master's log, ${alluxio.logs.dir}/master.log.</summary>
    public string LogFile => Path.Combine(WorkDirectory, "logs", "master.log");

    /// <summary>alluxio.master.rpc.port.</summary>
    public int RpcPort { get; private set; }

    /// <summary>alluxio.master.web.port.</summary>
    public int WebPort { get; private set; }

    /// <summary>alluxio.master.embedded.journal.port.</summary>
    public int JournalPort { get; private set; }

    /// <summary>host:port of the gRPC server, as clients name the master.</summary>
    public string RpcAddress => $"localhost:{RpcPort}";

    /// <summary>The web server's root: the overview, /api/v1/master/info, /metrics/prometheus.</summary>
    public Uri WebUri => new($"http://localhost:{WebPort}/");

    /// <summary>The environment under which bin/alluxio (or any Alluxio process) uses this master's configuration.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = ConfDirectory };

    /// <summary>The pid of the current (or last) run.</summary>
    public int ProcessId => _runner.Process.Id;

    public bool IsRunning => _runner.IsRunning;

    /// <summary>What the current (or last) run printed on stdout and stderr, one line each.</summary>
    public string Output => _runner.Output;

    /// <summary>Starts a master in a new temp folder and waits until it serves.</summary>
    /// <exception cref="MasterStartException">It ended, or did not answer within the options' start timeout.</exception>
    public static async Task<MasterProcess> StartAsync(MasterProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        var master = new MasterProcess(options ?? new MasterProcessOptions(), new TempDirectory());
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                master.UsePorts(FreePorts.Pick(3));
                try
                {
                    await master.LaunchAsync(cancellationToken).ConfigureAwait(false);
                    return master;
                }
                catch (MasterStartException e) when (attempt < PortAttempts && e.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    // Another process took a port between the pick and the bind: pick again, on a fresh folder, as the
                    // journal may have recorded the old journal port.
                    Directory.Delete(master.WorkDirectory, recursive: true);
                    Directory.CreateDirectory(master.WorkDirectory);
                }
            }
        }
        catch
        {
            await master.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends the master with SIGTERM and waits; it is killed when it lingers. Returns its exit code.</summary>
    public Task<int> StopAsync(CancellationToken cancellationToken = default) => _runner.StopAsync(cancellationToken);

    /// <summary>Ends the master with SIGKILL, as a crash or a power cut would, and waits. Returns its exit code.</summary>
    public Task<int> KillAsync(CancellationToken cancellationToken = default) => _runner.KillAsync(cancellationToken);

    /// <summary>Waits until the master ends by itself. Returns its exit code.</summary>
    public Task<int> WaitForExitAsync(CancellationToken cancellationToken = default) => _runner.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Starts the master again on the same folder and ports (stopping it with SIGTERM first if it runs) and waits
    /// until it serves. Kill it first to restart after a crash.
    /// </summary>
    /// <exception cref="MasterStartException">It ended (e.g. on a damaged journal), or did not answer in time.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            await StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Restarts as <see cref="RestartAsync(CancellationToken)"/> does, with <paramref name="systemProperties"/> in place of
    /// the options' -D arguments for this start and the later ones: e.g. a schedule that was too slow on purpose.
    /// </summary>
    public Task RestartAsync(IReadOnlyDictionary<string, string> systemProperties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemProperties);
        _options = _options with { SystemProperties = systemProperties };
        return RestartAsync(cancellationToken);
    }

    /// <summary>GET on the web port, e.g. "api/v1/master/info"; fails on an error status.</summary>
    public Task<string> GetStringAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        _runner.Http.GetStringAsync(new Uri(WebUri, pathAndQuery), cancellationToken);

    /// <summary>The counters of GET /metrics/json by name (e.g. Master.GetFileInfoOps, Cluster.BytesWrittenRemote).</summary>
    public async Task<IReadOnlyDictionary<string, double>> CountersAsync(CancellationToken cancellationToken = default)
    {
        using var metrics = JsonDocument.Parse(await GetStringAsync("metrics/json", cancellationToken).ConfigureAwait(false));
        return metrics.RootElement.GetProperty("counters").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("count").GetDouble(), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.StopIfRunningAsync().ConfigureAwait(false);
        _runner.Dispose();
        _root.Dispose();
    }

    private void UsePorts(int[] ports)
    {
        (RpcPort, WebPort, JournalPort) = (ports[0], ports[1], ports[2]);
        var own = string.Join(
            '\n',
            $"alluxio.work.dir={WorkDirectory}",
            $"alluxio.master.rpc.port={RpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"alluxio.master.web.port={WebPort.ToString(CultureInfo.InvariantCulture)}",
            $"alluxio.master.embedded.journal.port={JournalPort.ToString(CultureInfo.InvariantCulture)}",
            // bin/alluxio format run with this configuration wipes this folder, never the machine's /dev/shm.
            $"alluxio.worker.tieredstore.level0.dirs.path={Path.Combine(WorkDirectory, "ramdisk")}");
        File.WriteAllText(Path.Combine(ConfDirectory, "alluxio-site.properties"), $"{_options.SiteProperties}\n{own}\n");
    }

    private Task LaunchAsync(CancellationToken cancellationToken) =>
        _runner.LaunchAsync(
            _options.SystemProperties.Select(p => $"-D{p.Key}={p.Value}"),
            [new("ALLUXIO_CONF_DIR", ConfDirectory), .. _options.Environment],
            _options.StartTimeout,
            async token => await _runner.TryGetAsync(new Uri(WebUri, "api/v1/master/info"), token).ConfigureAwait(false) is not null,
            (message, exitCode, output) => new MasterStartException(message, exitCode, output),
            cancellationToken);
}
