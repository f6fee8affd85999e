using System.Globalization;

namespace Alluxio.Testing;

/// <summary>
/// The real proxy process, <c>bin/alluxio-server proxy</c>, beside a <see cref="MasterProcess"/>: the S3 API and
/// Alluxio's REST API on a free port. Its temp folder has conf/ (the master's alluxio-site.properties plus the
/// proxy's own lines and any the test adds) and logs/. A start is done when /api/v1/proxy/info answers. Dispose
/// stops it and deletes the folder.
/// </summary>
public sealed class ProxyProcess : IAsyncDisposable
{
    private const int PortAttempts = 3;

    private readonly MasterProcess _master;
    private readonly string _siteProperties;
    private readonly TempDirectory _root = new();
    private readonly ServerProcessRunner _runner = new("proxy");

    private ProxyProcess(MasterProcess master, string siteProperties)
    {
        _master = master;
        _siteProperties = siteProperties;
        Directory.CreateDirectory(ConfDirectory);
    }

    public string ConfDirectory => Path.Combine(_root.Path, "conf");

    /// <summary>The proxy's log, ${alluxio.logs.dir}/proxy.log.</summary>
    public string LogFile => Path.Combine(_root.Path, "logs", "proxy.log");

    public int Port { get; private set; }

    public Uri Uri => new($"http://localhost:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The S3 endpoint, http://localhost:PORT/api/v1/s3.</summary>
    public Uri S3Endpoint => new(Uri, "api/v1/s3");

    public string Output => _runner.Output;

    /// <summary>Starts a proxy of <paramref name="master"/> and waits until it serves.</summary>
    /// <exception cref="ServerStartException">It ended, or was not ready within three minutes.</exception>
    public static async Task<ProxyProcess> StartAsync(MasterProcess master, string siteProperties = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        var proxy = new ProxyProcess(master, siteProperties);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                proxy.UsePort(FreePorts.Pick(1)[0]);
                try
                {
                    await proxy._runner.LaunchAsync(
                        [],
                        [new("ALLUXIO_CONF_DIR", proxy.ConfDirectory)],
                        TimeSpan.FromMinutes(3),
                        async token => await proxy._runner.TryGetAsync(new Uri(proxy.Uri, "api/v1/proxy/info"), token).ConfigureAwait(false) is not null,
                        (message, exitCode, output) => new ServerStartException(message, exitCode, output),
                        cancellationToken).ConfigureAwait(false);
                    return proxy;
                }
                catch (ServerStartException e) when (attempt < PortAttempts && e.Output.Contains("in use already", StringComparison.OrdinalIgnoreCase))
                {
                    // Another process took the port between the pick and the bind: pick again.
                }
            }
        }
        catch
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<int> StopAsync(CancellationToken cancellationToken = default) => _runner.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _runner.StopIfRunningAsync().ConfigureAwait(false);
        _runner.Dispose();
        _root.Dispose();
    }

    private void UsePort(int port)
    {
        Port = port;
        var masterSite = File.ReadAllText(Path.Combine(_master.ConfDirectory, "alluxio-site.properties"));
        var own = string.Join(
            '\n',
            "alluxio.master.hostname=localhost",
            $"alluxio.logs.dir={Path.Combine(_root.Path, "logs")}",
            $"alluxio.proxy.web.port={Port.ToString(CultureInfo.InvariantCulture)}");
        File.WriteAllText(Path.Combine(ConfDirectory, "alluxio-site.properties"), $"{masterSite}\n{_siteProperties}\n{own}\n");
    }
}
