using System.Diagnostics;
using System.Globalization;

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
/// <see cref="RestartAsync"/> starts it again on the same folder and ports. Dispose stops it and deletes the folder.
/// The first start of a test run may build the server (bin/alluxio-server builds on first use); build it up front
/// to keep that out of a test's time.
/// </para>
/// </remarks>
public sealed class MasterProcess : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(5);

    private readonly MasterProcessOptions _options;
    private readonly TempDirectory _root;
    private readonly HttpClient _http;
    private readonly Lock _outputLock = new();
    private readonly List<string> _output = [];
    private Process? _process;

    private MasterProcess(MasterProcessOptions options, TempDirectory root)
    {
        _options = options;
        _root = root;
        Directory.CreateDirectory(ConfDirectory);
        Directory.CreateDirectory(WorkDirectory);

        // No pooled connections: a restarted master on the same port must not get a request on a dead connection.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = s_requestTimeout };
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
    public int ProcessId => (_process ?? throw new InvalidOperationException("The master has not been started.")).Id;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the current (or last) run printed on stdout and stderr, one line each.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return string.Join('\n', _output);
            }
        }
    }

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
    public async Task<int> StopAsync(CancellationToken cancellationToken = default)
    {
        var process = _process ?? throw new InvalidOperationException("The master has not been started.");
        await ChildProcess.StopAsync(process).WaitAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Ends the master with SIGKILL, as a crash or a power cut would, and waits. Returns its exit code.</summary>
    public async Task<int> KillAsync(CancellationToken cancellationToken = default)
    {
        var process = _process ?? throw new InvalidOperationException("The master has not been started.");
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Waits until the master ends by itself. Returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        var process = _process ?? throw new InvalidOperationException("The master has not been started.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

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

    /// <summary>GET on the web port, e.g. "api/v1/master/info"; fails on an error status.</summary>
    public Task<string> GetStringAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        _http.GetStringAsync(new Uri(WebUri, pathAndQuery), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await ChildProcess.StopAsync(_process).ConfigureAwait(false);
            _process.Dispose();
        }

        _http.Dispose();
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
            $"alluxio.master.embedded.journal.port={JournalPort.ToString(CultureInfo.InvariantCulture)}");
        File.WriteAllText(Path.Combine(ConfDirectory, "alluxio-site.properties"), $"{_options.SiteProperties}\n{own}\n");
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        _process?.Dispose();
        lock (_outputLock)
        {
            _output.Clear();
        }

        var start = ChildProcess.StartInfo(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio-server"),
            ["master", .. _options.SystemProperties.Select(p => $"-D{p.Key}={p.Value}")]);
        start.Environment["ALLUXIO_CONF_DIR"] = ConfDirectory;
        foreach (var (name, value) in _options.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        _process = process;
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartTimeout);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    // Waiting again lets the output readers reach the end of both streams.
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                    throw new MasterStartException(
                        $"alluxio-server master exited with {process.ExitCode} before serving: {Output}", process.ExitCode, Output);
                }

                if (await AnswersAsync(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }

                await Task.Delay(s_pollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new MasterStartException(
                $"alluxio-server master did not answer {WebUri} within {_options.StartTimeout}: {Output}", null, Output);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(WebUri, "api/v1/master/info"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // One request timed out; the deadline decides when to give up.
            return false;
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Add(line);
        }
    }
}
