using System.Net;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;
using Kodo.Emulator.S3;
using Kodo.Emulator.Storage;
using Kodo.Protocol;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kodo.Emulator;

/// <summary>A running emulator: one Kestrel listener serving uc, up, rs, rsf, io and the admin endpoints.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebApplication? _s3App;

    private EmulatorServer(WebApplication app, WebApplication? s3App, string? s3Endpoint, EmulatorState state)
    {
        _app = app;
        _s3App = s3App;
        S3Endpoint = s3Endpoint;
        State = state;
    }

    internal EmulatorState State { get; }

    /// <summary>host:port the emulator answers on, e.g. 127.0.0.1:9000.</summary>
    public string Endpoint => State.SelfHost;

    /// <summary>host:port of the S3-compatible API, e.g. 127.0.0.1:9001; null when it is off.</summary>
    public string? S3Endpoint { get; }

    /// <summary>The buckets, in name order.</summary>
    public IEnumerable<string> Buckets => State.Store.BucketNames;

    /// <summary>The faults injected from now on; the admin endpoint POST /__emulator/faults changes the same.</summary>
    public FaultSettings Faults
    {
        get => State.Faults.Settings;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Check() is { } problem)
            {
                throw new ArgumentException(problem, nameof(value));
            }

            State.Faults.Settings = value;
        }
    }

    /// <summary>
    /// Starts listening. Throws <see cref="IOException"/> with a one-line message when the address cannot be
    /// bound, and <see cref="InvalidDataException"/> naming the file when a record under the data folder is corrupt.
    /// </summary>
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

        var state = new EmulatorState(new KodoCredentials(options.AccessKey, options.SecretKey), store, options.Domains, options.Time);
        state.Faults.Settings = options.Faults;

        var app = await ListenAsync(options.Host, options.Port, new KodoRouter(state).HandleAsync, cancellationToken);
        state.SelfHost = AuthorityOf(app);
        if (options.S3Host is null)
        {
            return new EmulatorServer(app, null, null, state);
        }

        WebApplication s3App;
        try
        {
            s3App = await ListenAsync(options.S3Host, options.S3Port, new S3Face(state, options.AccessKey, options.SecretKey, options.S3Region).HandleAsync, cancellationToken);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            throw;
        }

        return new EmulatorServer(app, s3App, AuthorityOf(s3App), state);
    }

    private static async Task<WebApplication> ListenAsync(string host, int port, RequestDelegate handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failed start is reported once, by the caller, from the exception; the host's own error log would
        // repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;

            // Every API carries the key in its request line (base64 in rs, raw in io) and long keys make long
            // upload tokens. Past Kestrel's 8 KiB line and 32 KiB header limits, Kestrel itself would answer
            // 414 or 431 without the X-Reqid that SDKs need to trust and read a response.
            kestrel.Limits.MaxRequestLineSize = 1 << 20;
            kestrel.Limits.MaxRequestHeadersTotalSize = 1 << 20;
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(host), port);
        });
        var app = builder.Build();
        app.Run(handler);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            var reason = e.InnerException is AddressInUseException ? "address already in use" : (e.InnerException ?? e).Message;
            throw new IOException($"cannot listen on {FormatAuthority(host, port)}: {reason}", e);
        }

        return app;
    }

    private static string AuthorityOf(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;


    /// <summary>The download domain to use for <paramref name="bucket"/>: its first configured one, else the default.</summary>
    public string DomainOf(string bucket) => State.DomainOf(bucket);

    /// <summary>How many requests each API received, plus the <see cref="EmulatorCounters"/> ones.</summary>
    public IReadOnlyDictionary<string, long> Counters() => State.Counters.Snapshot();

    public void ResetCounters() => State.Counters.Reset();

    /// <summary>Multipart (v2) uploads initiated and neither completed nor aborted yet.</summary>
    public int OpenMultipartUploads => State.Uploads.Multiparts.Count;

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_s3App is not null)
        {
            await _s3App.StopAsync();
            await _s3App.DisposeAsync();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string FormatAuthority(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}
