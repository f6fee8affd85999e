using Alluxio.Configuration;
using Alluxio.Server.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Alluxio.Server.Hosting;

/// <summary>
/// alluxio-fuse's web port (alluxio.fuse.web.enabled): the process's metrics, .NET's runtime metrics among them, and
/// its thread dump, at the paths a master or worker serves them.
/// </summary>
internal sealed class FuseWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PrometheusExporter _exporter;

    private FuseWebServer(WebApplication app, PrometheusExporter exporter)
    {
        _app = app;
        _exporter = exporter;
    }

    /// <summary>Starts listening; made before the mount so that its metrics count from the first request.</summary>
    /// <exception cref="IOException">The port could not be bound.</exception>
    public static async Task<FuseWebServer> StartAsync(AlluxioConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "alluxio-fuse" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        var (bindHost, port) = (configuration.Get(PropertyKeys.FuseWebBindHost), configuration.GetInt(PropertyKeys.FuseWebPort));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(HostBinding.Address(bindHost), port, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var exporter = PrometheusExporter.WithRuntimeMetrics();
        CommonWebEndpoints.MapDiagnostics(app, exporter);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            exporter.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            var reason = HostBinding.IsAddressInUse(e)
                ? $"port {port} is in use already; set {PropertyKeys.FuseWebPort.Name} to a free port or {PropertyKeys.FuseWebEnabled.Name}=false"
                : e.Message;
            throw new IOException($"alluxio-fuse's web port could not be opened: {reason}.", e);
        }

        return new FuseWebServer(app, exporter);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _exporter.Dispose();
    }
}
