using System.Net;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kodo.Emulator;

/// <summary>A running emulator: one Kestrel listener serving uc, up, rs, rsf, io and the admin endpoints.</summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, EmulatorState state)
    {
        _app = app;
        State = state;
    }

    public EmulatorState State { get; }

    /// <summary>host:port the emulator answers on, e.g. 127.0.0.1:9000.</summary>
    public string Endpoint => State.SelfHost;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = options.DataFolder is null ? ObjectStore.InMemory() : ObjectStore.Open(options.DataFolder);
        foreach (var bucket in options.Buckets)
        {
            store.CreateBucket(bucket);
        }

        foreach (var name in store.BucketNames)
        {
            store.FindBucket(name)!.IsPrivate = options.Private;
        }

        var domains = new Dictionary<string, string>(options.Domains, StringComparer.OrdinalIgnoreCase);
        foreach (var name in store.BucketNames.Where(b => !domains.ContainsValue(b)))
        {
            domains[EmulatorState.DefaultDomain(name)] = name;
        }
        var state = new EmulatorState(new KodoCredentials(options.AccessKey, options.SecretKey), store, domains, options.Time);
        state.Faults.Settings = options.Faults;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;

            // Every API carries the key in its request line (base64 in rs, raw in io) and long keys make long
            // upload tokens. Past Kestrel's 8 KiB line and 32 KiB header limits, Kestrel itself would answer
            // 414 or 431 without the X-Reqid that SDKs need to trust and read a response.
            kestrel.Limits.MaxRequestLineSize = 1 << 20;
            kestrel.Limits.MaxRequestHeadersTotalSize = 1 << 20;
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        var app = builder.Build();
        var router = new KodoRouter(state);
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        state.SelfHost = new Uri(address).Authority;
        return new EmulatorServer(app, state);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
