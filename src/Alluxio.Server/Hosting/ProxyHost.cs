using Alluxio.Client;
using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Server.Proxy;
using Alluxio.Server.Proxy.S3;
using Alluxio.Server.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Alluxio.Server.Hosting;

/// <summary>
/// The proxy process: the S3 API and Alluxio's REST API over the namespace on alluxio.proxy.web.port (HTTP/1.1),
/// served through one client of the cluster. It starts whether or not the master is up; calls fail with the
/// client's error until it is. SIGTERM ends the requests in flight.
/// </summary>
internal static partial class ProxyHost
{
    public const string MeterName = "Alluxio.Proxy";

    public static async Task<int> RunAsync(AlluxioConfiguration configuration, CancellationToken cancellationToken)
    {
        using var process = ServerProcessContext.Create(configuration, "proxy", MeterName);
        var (loggerFactory, logger, time) = (process.LoggerFactory, process.Logger, process.Time);
        var info = new ProxyProcessInfo(
            configuration.Get(PropertyKeys.ProxyWebHostname),
            configuration.Get(PropertyKeys.ProxyWebBindHost),
            configuration.GetInt(PropertyKeys.ProxyWebPort),
            time.GetUtcNow());
        try
        {
            LogStarting(logger, info.WebPort);
            var fileSystem = FileSystem.Create(configuration, loggerFactory, time);
            await using (fileSystem.ConfigureAwait(false))
            {
                var app = Build(configuration, info, fileSystem, loggerFactory, time, process.Web);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                LogServing(logger, info.S3Endpoint, fileSystem.MasterAddress);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }

            LogStopped(logger);
            return 0;
        }
        catch (Exception e) when (e is AlluxioException or ConfigurationException or IOException)
        {
            return await process.FailedToStartAsync(StartFailure(e), e).ConfigureAwait(false);
        }
    }

    private static string StartFailure(Exception e) => e switch
    {
        _ when HostBinding.IsAddressInUse(e) =>
            $"the proxy's port is in use already ({e.Message}); is another proxy running? Stop it or set {PropertyKeys.ProxyWebPort.Name}.",
        _ => e.Message,
    };

    private static WebApplication Build(
        AlluxioConfiguration configuration, ProxyProcessInfo info, FileSystem fileSystem, ILoggerFactory loggerFactory, TimeProvider time, WebServices web)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "alluxio-proxy" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Objects stream through; S3 allows single PUTs of 5 GiB and parts of the same.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(HostBinding.Address(info.BindHost), info.WebPort, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(info);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(fileSystem);
        builder.Services.AddSingleton<ProxyStreams>();
        web.AddTo(builder.Services, configuration);

        var app = builder.Build();
        ProxyEndpoints.Map(app);
        var s3 = S3ApiFactory.Create(configuration, fileSystem, time, loggerFactory);
        app.Map(S3Api.Root, s3.HandleAsync);
        app.Map(S3Api.Root + "/{**rest}", s3.HandleAsync);
        var paths = new PathsApi(fileSystem, app.Services.GetRequiredService<ProxyStreams>());
        app.MapGet(PathsApi.PathsRoot + "/{**rest}", paths.DownloadAsync);
        app.MapPost(PathsApi.PathsRoot + "/{**rest}", paths.HandlePathAsync);
        app.MapPost(PathsApi.StreamsRoot + "/{id:int}/{verb}", (HttpContext context, int id, string verb) => paths.HandleStreamAsync(context, id, verb));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Alluxio proxy: web port {WebPort}")]
    private static partial void LogStarting(ILogger logger, int webPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alluxio proxy serving S3 at {S3Endpoint}, for the master at {Master}")]
    private static partial void LogServing(ILogger logger, string s3Endpoint, string master);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alluxio proxy stopped")]
    private static partial void LogStopped(ILogger logger);

}
