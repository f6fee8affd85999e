using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Alluxio.Configuration;
using Alluxio.Grpc;
using Alluxio.Testing;
using Alluxio.UnderFs;
using Alluxio.Worker.Grpc;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Tests.Hosting;

/// <summary>
/// A worker's data service hosted in the test process on a free port, with its own block folder (a small quota)
/// and a <see cref="FakeBlockMaster"/> on another port as its master, reached through the same gRPC client code as
/// in the worker process. <see cref="RestartAsync"/> brings the worker back on the same folder.
/// </summary>
internal sealed class InProcessWorker : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly long _quota;
    private readonly IReadOnlyDictionary<string, string> _properties;
    private WebApplication? _masterApp;
    private WebApplication? _workerApp;
    private GrpcChannel? _channel;
    private Meter? _meter;

    private readonly bool _masterUp;

    private InProcessWorker(long quota, IReadOnlyDictionary<string, string> properties, bool masterUp)
    {
        _quota = quota;
        _properties = properties;
        _masterUp = masterUp;
    }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public FakeBlockMaster Master { get; } = new();

    public LogCapture Logs { get; } = new();

    public AlluxioWorker Worker { get; private set; } = null!;

    public BlockWorker.BlockWorkerClient Client { get; private set; } = null!;

    /// <summary>A folder for a local UFS that tests mount.</summary>
    public string UfsRoot => Path.Combine(_root.Path, "ufs");

    public string StoreFolder => Path.Combine(_root.Path, "store");

    /// <param name="masterUp">False for a worker whose master is not running (its port answers nothing).</param>
    public static async Task<InProcessWorker> StartAsync(
        long quota = 64 << 20, IReadOnlyDictionary<string, string>? properties = null, bool masterUp = true)
    {
        var host = new InProcessWorker(quota, properties ?? new Dictionary<string, string>(), masterUp);
        try
        {
            Directory.CreateDirectory(host.UfsRoot);
            if (masterUp)
            {
                await host.StartMasterAsync();
            }

            await host.StartWorkerAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Makes <paramref name="ufsUri"/> mount <paramref name="mountId"/> with these options, as GetUfsInfo answers it.</summary>
    public void Mount(long mountId, string ufsUri, params KeyValuePair<string, string>[] options)
    {
        var info = new GetUfsInfoPResponse { UfsUri = ufsUri };
        foreach (var (key, value) in options)
        {
            info.Properties[key] = value;
        }

        Master.Mounts[mountId] = info;
    }

    /// <summary>Stops the worker (as SIGTERM would) and starts it again on the same block folder.</summary>
    public async Task RestartAsync()
    {
        await StopWorkerAsync();
        await StartWorkerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkerAsync();
        if (_masterApp is not null)
        {
            await _masterApp.StopAsync(CancellationToken.None);
            await _masterApp.DisposeAsync();
        }

        Logs.Dispose();
        _root.Dispose();
    }

    private async Task StartMasterAsync()
    {
        _masterApp = Build(services => services.AddSingleton(Master));
        _masterApp.MapGrpcService<FakeBlockMaster>();
        await _masterApp.StartAsync(Token);
    }

    private async Task StartWorkerAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["alluxio.master.hostname"] = "localhost",
            ["alluxio.master.rpc.port"] = (_masterApp is null ? FreePorts.Pick(1)[0] : Port(_masterApp)).ToString(CultureInfo.InvariantCulture),
            ["alluxio.worker.tieredstore.level0.dirs.path"] = StoreFolder,
            ["alluxio.worker.tieredstore.level0.dirs.quota"] = _quota.ToString(CultureInfo.InvariantCulture),
            ["alluxio.worker.block.heartbeat.interval"] = "100ms",
            ["alluxio.worker.master.connect.retry.timeout"] = "5sec",
        };
        foreach (var (key, value) in _properties)
        {
            settings[key] = value;
        }

        var configuration = AlluxioConfiguration.Defaults.With(settings, ConfigurationSource.Runtime);
        _meter = new Meter(WorkerMetrics.MeterName);
        var registry = BuiltInUnderFileSystems.CreateRegistry(new UnderFileSystemContext(Logs.Factory, TimeProvider.System, _meter, "Worker"));
        Worker = await AlluxioWorker.CreateAsync(configuration, registry, new WorkerMetrics(_meter), Logs.Factory, TimeProvider.System, null, Token);
        _workerApp = Build(services =>
        {
            services.AddSingleton(Logs.Factory);
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            services.AddWorkerGrpc(Worker, 16 << 20);
        });
        _workerApp.MapWorkerGrpc();
        await _workerApp.StartAsync(Token);
        var port = Port(_workerApp);
        Worker.Start(new WorkerNetAddress { Host = "localhost", RpcPort = port, DataPort = port, ContainerHost = Dns.GetHostName() });
        _channel = GrpcChannel.ForAddress($"http://localhost:{port}", new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
        Client = new BlockWorker.BlockWorkerClient(_channel);

        if (_masterUp)
        {
            // Registered first, so commits reach the master as CommitBlock calls rather than in the registration.
            await Master.WaitUntilAsync(() => Worker.WorkerId is not null, Token);
        }
    }

    private async Task StopWorkerAsync()
    {
        _channel?.Dispose();
        _channel = null;
        if (_workerApp is not null)
        {
            await Worker.BeginStopAsync();
            await _workerApp.StopAsync(CancellationToken.None);
            await _workerApp.DisposeAsync();
            _workerApp = null;
            await Worker.DisposeAsync();
        }

        _meter?.Dispose();
        _meter = null;
    }

    private static WebApplication Build(Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        services(builder.Services);
        return builder.Build();
    }

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
}
