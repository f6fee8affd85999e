using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Grpc.Errors;
using Alluxio.Journal;
using Alluxio.Master;
using Alluxio.Master.Services;
using Alluxio.Server.Rpc;
using Alluxio.Server.Web;
using Alluxio.Server.Web.Sources;
using Alluxio.UnderFs;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Alluxio.Server.Hosting;

/// <summary>
/// The master process: replays the journal, then serves gRPC (HTTP/2) on alluxio.master.rpc.port and the web UI,
/// REST and metrics (HTTP/1.1) on alluxio.master.web.port until SIGTERM, which lets calls in flight finish and
/// closes the journal.
/// </summary>
internal static partial class MasterHost
{
    public const string MeterName = "Alluxio.Master";

    public static async Task<int> RunAsync(AlluxioConfiguration configuration, CancellationToken cancellationToken)
    {
        using var process = ServerProcessContext.Create(configuration, "master", MeterName);
        var (loggerFactory, logger, meter, time, secrets) = (process.LoggerFactory, process.Logger, process.Meter, process.Time, process.Secrets);
        var ufsRegistry = BuiltInUnderFileSystems.CreateRegistry(new UnderFileSystemContext(loggerFactory, time, meter, "Master"));

        FileSystemMaster? master = null;
        try
        {
            master = FileSystemMaster.Create(
                configuration, ufsRegistry, stateMachine => JournalFactory.Create(configuration, stateMachine, loggerFactory, time), time, loggerFactory, secrets);
            var info = new MasterProcessInfo(
                configuration.Get(PropertyKeys.MasterHostname),
                configuration.GetInt(PropertyKeys.MasterRpcPort),
                configuration.GetInt(PropertyKeys.MasterWebPort),
                configuration.GetInt(PropertyKeys.MasterEmbeddedJournalPort),
                time.GetUtcNow(),
                Guid.NewGuid().ToString());
            LogStarting(logger, info.RpcPort, info.WebPort, MasterProcessInfo.Version);
            await master.StartAsync(Environment.UserName, cancellationToken).ConfigureAwait(false);
            MasterMetrics.Register(meter, master, time);

            var app = Build(configuration, master, info, loggerFactory, time, process.Web, new MasterOperationMetrics(meter));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            LogServing(logger, info.RpcAddress, info.WebPort, master.InodeCount);
            using var background = new CancellationTokenSource();
            var ttlLoop = master.TtlChecker.RunAsync(configuration.GetDuration(PropertyKeys.MasterTtlCheckerInterval), background.Token);
            var blockLoops = master.RunBackgroundAsync(background.Token);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            await background.CancelAsync().ConfigureAwait(false);
            await ttlLoop.ConfigureAwait(false);
            await blockLoops.ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            LogStopped(logger);
            return 0;
        }
        catch (Exception e) when (e is AlluxioException or ConfigurationException or IOException)
        {
            return await process.FailedToStartAsync(StartFailure(e), e).ConfigureAwait(false);
        }
        finally
        {
            if (master is not null)
            {
                await master.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string StartFailure(Exception e) => e switch
    {
        _ when HostBinding.IsAddressInUse(e) =>
            $"a port of the master is in use already ({e.Message}); is another master running? Stop it or set {PropertyKeys.MasterRpcPort.Name} / {PropertyKeys.MasterWebPort.Name}.",
        _ => e.Message,
    };

    private static WebApplication Build(
        AlluxioConfiguration configuration,
        FileSystemMaster master,
        MasterProcessInfo info,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        WebServices web,
        MasterOperationMetrics operations)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "alluxio-master" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetDuration(PropertyKeys.MasterShutdownTimeout));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(HostBinding.Address(configuration.Get(PropertyKeys.MasterBindHost)), info.RpcPort, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(HostBinding.Address(configuration.Get(PropertyKeys.MasterWebBindHost)), info.WebPort, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ServerErrorInterceptor>("master");
            o.Interceptors.Add<MasterOperationMetrics>();
            o.MaxReceiveMessageSize = 16 << 20;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddSingleton(master);
        builder.Services.AddSingleton(operations);
        builder.Services.AddSingleton(info);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(master.Context.Journal);
        builder.Services.AddSingleton(time);
        web.AddTo(builder.Services, configuration);
        builder.Services.AddMasterWebSources();

        var app = builder.Build();
        var rpcHost = $"*:{info.RpcPort}";
        var webHost = $"*:{info.WebPort}";
        app.MapGrpcService<FileSystemMasterService>().RequireHost(rpcHost);
        app.MapGrpcService<BlockMasterService>().RequireHost(rpcHost);
        app.MapGrpcService<BlockMasterWorkerRpcService>().RequireHost(rpcHost);
        app.MapGrpcService<MetaMasterService>().RequireHost(rpcHost);
        app.MapGrpcService<MetricsMasterService>().RequireHost(rpcHost);
        MasterWebEndpoints.Map(app, webHost);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Alluxio master {Version}: rpc port {RpcPort}, web port {WebPort}")]
    private static partial void LogStarting(ILogger logger, int rpcPort, int webPort, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alluxio master serving on {RpcAddress}, web port {WebPort}, {InodeCount} inodes")]
    private static partial void LogServing(ILogger logger, string rpcAddress, int webPort, long inodeCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alluxio master stopped; the journal is closed")]
    private static partial void LogStopped(ILogger logger);

}
