using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Client.Tests;

/// <summary>A <see cref="ScriptedMaster"/> served over h2c on a free loopback port.</summary>
internal sealed class ScriptedMasterHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedMasterHost(WebApplication app, ScriptedMaster master, int port)
    {
        _app = app;
        Master = master;
        Port = port;
    }

    public ScriptedMaster Master { get; }

    public int Port { get; }

    public static async Task<ScriptedMasterHost> StartAsync()
    {
        var master = new ScriptedMaster();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(master);
        var app = builder.Build();
        app.MapGrpcService<ScriptedMaster.FileSystemService>();
        app.MapGrpcService<ScriptedMaster.MetaService>();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ScriptedMasterHost(app, master, new Uri(address).Port);
    }

    /// <summary>A file system on this master that retries without waiting, for at most <paramref name="maxDuration"/>.</summary>
    public FileSystem CreateFileSystem(string maxDuration = "1min", params (string Key, string Value)[] more) =>
        FileSystem.Create(TestConfiguration.With(
        [
            ("alluxio.master.hostname", "127.0.0.1"),
            ("alluxio.master.rpc.port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("alluxio.user.rpc.retry.base.sleep", "0ms"),
            ("alluxio.user.rpc.retry.max.duration", maxDuration),
            ("alluxio.security.login.username", "alice"),
            .. more,
        ]));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
