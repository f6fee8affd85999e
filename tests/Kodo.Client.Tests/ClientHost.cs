using System.Text;
using System.Text.Json;
using Kodo.Emulator;

namespace Kodo.Client.Tests;

/// <summary>
/// An in-process emulator on a free port and a <see cref="KodoClient"/> bound to it. Each test starts its own, so
/// objects, counters and faults never leak between tests.
/// </summary>
internal sealed class ClientHost : IAsyncDisposable
{
    public const string AccessKey = "client-test-access-key";
    public const string SecretKey = "client-test-secret-key-do-not-leak";
    public const string Bucket = "b";

    private readonly HttpClient _admin;
    private readonly List<KodoClient> _clients = [];

    private ClientHost(EmulatorServer server)
    {
        Server = server;
        _admin = new HttpClient { BaseAddress = new Uri("http://" + server.Endpoint), Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorServer Server { get; }

    /// <summary>host:port of the emulator.</summary>
    public string Endpoint => Server.Endpoint;

    /// <summary>The client made at start, with every host configured.</summary>
    public KodoClient Client => _clients[0];

    public static async Task<ClientHost> StartAsync(Func<KodoClientOptions, KodoClientOptions>? configure = null, TimeProvider? time = null)
    {
        var server = await EmulatorServer.StartAsync(
            new EmulatorOptions
            {
                Port = 0,
                Buckets = [Bucket],
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                Time = time ?? TimeProvider.System,
            },
            TestContext.Current.CancellationToken);
        var host = new ClientHost(server);
        host.CreateClient(configure);
        return host;
    }

    /// <summary>Options pointing every service at the emulator (up, rs, rsf and io over http).</summary>
    public KodoClientOptions Options(string? bucket = null, string? secretKey = null) => new()
    {
        AccessKey = AccessKey,
        SecretKey = secretKey ?? SecretKey,
        Bucket = bucket ?? Bucket,
        DownloadHost = EmulatorState.DefaultDomain(bucket ?? Bucket),
        IoEndpoint = Endpoint,
        UcEndpoint = "http://" + Endpoint,
        UpEndpoint = "http://" + Endpoint,
        RsEndpoint = "http://" + Endpoint,
        RsfEndpoint = "http://" + Endpoint,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    };

    /// <summary>A further client, disposed with the host.</summary>
    public KodoClient CreateClient(Func<KodoClientOptions, KodoClientOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var options = Options();
        var client = new KodoClient(configure is null ? options : configure(options), handler);
        _clients.Add(client);
        return client;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountersAsync()
    {
        using var document = JsonDocument.Parse(await _admin.GetStringAsync("/__emulator/counters", TestContext.Current.CancellationToken));
        return document.RootElement.GetProperty("counters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    public async Task<long> CounterAsync(string api) => (await CountersAsync()).GetValueOrDefault(api);

    public async Task ResetCountersAsync()
    {
        using var response = await _admin.PostAsync("/__emulator/counters/reset", null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetFaultsAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _admin.PostAsync("/__emulator/faults", content, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _admin.Dispose();
        await Server.DisposeAsync();
    }
}
