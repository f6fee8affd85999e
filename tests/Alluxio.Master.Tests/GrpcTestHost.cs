using System.Net;
using Alluxio.Grpc.Errors;
using Alluxio.Master.Services;
using Alluxio.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Tests;

/// <summary>
/// The master's gRPC services, as MasterHost maps them, served in the test process on a free loopback port, with a
/// channel to reach them through the generated clients.
/// </summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestHost(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public static async Task<GrpcTestHost> StartAsync(FileSystemMaster master, LogCapture logs)
    {
        var port = FreePorts.Pick(1)[0];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logs.Factory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.Interceptors.Add<ServerErrorInterceptor>("master"));
        builder.Services.AddSingleton(master);
        var app = builder.Build();
        app.MapGrpcService<FileSystemMasterService>();
        app.MapGrpcService<BlockMasterService>();
        app.MapGrpcService<BlockMasterWorkerRpcService>();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new GrpcTestHost(app, GrpcChannel.ForAddress($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
