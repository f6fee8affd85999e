using System.Net;
using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Server.Web;
using Alluxio.Server.Web.Sources;
using Alluxio.UnderFs;
using Alluxio.Worker;
using Alluxio.Worker.Grpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Alluxio.Server.Hosting;

/// <summary>
/// The worker process: opens the tiered store (finding the blocks committed before a restart), serves the data
/// service (gRPC, HTTP/2) on alluxio.worker.rpc.port and /api/v1/worker/info and metrics (HTTP/1.1) on
/// alluxio.worker.web.port, and registers with the master. SIGTERM ends the calls in flight (writes abort, leases
/// end), stops the master link and the fills, and closes the store.
/// </summary>
internal static partial class WorkerHost
{
    public static async Task<int> RunAsync(AlluxioConfiguration configuration, CancellationToken cancellationToken)
    {
        using var process = ServerProcessContext.Create(configuration, "worker", WorkerMetrics.MeterName);
        var (loggerFactory, logger, meter, time, secrets) = (process.LoggerFactory, process.Logger, process.Meter, process.Time, process.Secrets);
        var ufsRegistry = BuiltInUnderFileSystems.CreateRegistry(new UnderFileSystemContext(loggerFactory, time, meter, "Worker"));
        var info = Info(configuration);

        AlluxioWorker? worker = null;
        try
        {
            LogStarting(logger, info.RpcPort, info.WebPort);
            worker = await OpenAsync(configuration, ufsRegistry, new WorkerMetrics(meter), loggerFactory, time, secrets, cancellationToken).ConfigureAwait(false);
            var app = Build(configuration, worker, info, loggerFactory, time, process.Web);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            worker.Start(info.Address);
            var blockCount = worker.Store.GetReport().Sum(t => t.Dirs.Sum(d => d.Blocks.Count));
            LogServing(logger, info.RpcAddress, info.WebPort, blockCount);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            LogStopped(logger);
            return 0;
        }
        catch (Exception e) when (e is AlluxioException or ConfigurationException or IOException or UnauthorizedAccessException)
        {
            return await process.FailedToStartAsync(StartFailure(e), e).ConfigureAwait(false);
        }
        finally
        {
            if (worker is not null)
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<AlluxioWorker> OpenAsync(
        AlluxioConfiguration configuration, UnderFileSystemRegistry ufsRegistry, WorkerMetrics metrics, ILoggerFactory loggerFactory, TimeProvider time,
        KnownSecrets secrets, CancellationToken cancellationToken)
    {
        try
        {
            return await AlluxioWorker.CreateAsync(configuration, ufsRegistry, metrics, loggerFactory, time, secrets, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AlluxioException(
                ErrorType.FailedPrecondition,
                $"the worker cannot open its block folders ({e.Message.TrimEnd('.')}); check alluxio.worker.tieredstore.level{{n}}.dirs.path and the folders' permissions.",
                e);
        }
    }

    private static WorkerProcessInfo Info(AlluxioConfiguration configuration)
    {
        var machine = Dns.GetHostName();
        var rpcPort = configuration.GetInt(PropertyKeys.WorkerRpcPort);
        var address = new WorkerNetAddress
        {
            Host = configuration.GetOrNull(PropertyKeys.WorkerHostname) ?? machine,
            RpcPort = rpcPort,
            DataPort = rpcPort,
            WebPort = configuration.GetInt(PropertyKeys.WorkerWebPort),
            ContainerHost = machine,
        };
        return new WorkerProcessInfo(address, configuration.Get(PropertyKeys.WorkerBindHost), configuration.Get(PropertyKeys.WorkerWebBindHost));
    }

    private static string StartFailure(Exception e) => e switch
    {
        _ when HostBinding.IsAddressInUse(e) =>
            $"a port of the worker is in use already ({e.Message}); is another worker running? Stop it or set {PropertyKeys.WorkerRpcPort.Name} / {PropertyKeys.WorkerWebPort.Name}.",
        _ => e.Message,
    };

    private static WebApplication Build(
        AlluxioConfiguration configuration, AlluxioWorker worker, WorkerProcessInfo info, ILoggerFactory loggerFactory, TimeProvider time, WebServices web)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "alluxio-worker" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetDuration(PropertyKeys.WorkerNetworkShutdownTimeout));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.InitialConnectionWindowSize = 32 << 20;
            kestrel.Limits.Http2.InitialStreamWindowSize = 16 << 20;
            kestrel.Listen(HostBinding.Address(info.BindHost), info.RpcPort, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(HostBinding.Address(info.WebBindHost), info.WebPort, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddWorkerGrpc(worker, (int)Math.Min(int.MaxValue, configuration.GetBytes(PropertyKeys.WorkerNetworkMaxInboundMessageSize)));
        builder.Services.AddSingleton(info);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(configuration);
        web.AddTo(builder.Services, configuration);
        builder.Services.AddWorkerWebSources();

        var app = builder.Build();

        // Streams in flight (writes, leases, reads of a block being filled) end at once instead of holding the stop.
        app.Lifetime.ApplicationStopping.Register(() => worker.BeginStopAsync().GetAwaiter().GetResult());
        app.MapWorkerGrpc($"*:{info.RpcPort}");
        WorkerWebEndpoints.Map(app, $"*:{info.WebPort}");
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Alluxio worker: rpc port {RpcPort}, web port {WebPort}")]
    private static partial void LogStarting(ILogger logger, int rpcPort, int webPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alluxio worker serving on {RpcAddress}, web port {WebPort}, {BlockCount} blocks cached")]
    private static partial void LogServing(ILogger logger, string rpcAddress, int webPort, int blockCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alluxio worker stopped; the block store is closed")]
    private static partial void LogStopped(ILogger logger);

}
