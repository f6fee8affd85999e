using Kodo.Emulator;

namespace Kodo.Client.Tests;

/// <summary>The shared in-process emulator with this project's account and <see cref="KodoClient"/>s bound to it.</summary>
internal sealed class ClientHost : IAsyncDisposable
{
    public const string AccessKey = "client-test-access-key";
    public const string SecretKey = "client-test-secret-key-do-not-leak";
    public const string Bucket = "b";

    private readonly List<KodoClient> _clients = [];

    private ClientHost(KodoEmulatorFixture fixture)
    {
        Fixture = fixture;
    }

    public KodoEmulatorFixture Fixture { get; }

    public EmulatorServer Server => Fixture.Server;

    /// <summary>host:port of the emulator.</summary>
    public string Endpoint => Fixture.Endpoint;

    /// <summary>The client made at start, with every host configured.</summary>
    public KodoClient Client => _clients[0];

    public static async Task<ClientHost> StartAsync(Func<KodoClientOptions, KodoClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = KodoEmulatorFixture.CreateOptions(AccessKey, SecretKey, Bucket) with { Time = time ?? TimeProvider.System };
        var host = new ClientHost(await KodoEmulatorFixture.StartAsync(options, TestContext.Current.CancellationToken));
        host.CreateClient(configure);
        return host;
    }

    /// <summary>Options pointing every service at the emulator (up, rs, rsf and io over http).</summary>
    public KodoClientOptions Options(string? bucket = null, string? secretKey = null) => new()
    {
        AccessKey = AccessKey,
        SecretKey = secretKey ?? SecretKey,
        Bucket = bucket ?? Bucket,
        DownloadHost = Fixture.DomainOf(bucket ?? Bucket),
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

    public Task<IReadOnlyDictionary<string, long>> CountersAsync() => Fixture.CountersAsync(TestContext.Current.CancellationToken);

    public async Task<long> CounterAsync(string api) => (await CountersAsync()).GetValueOrDefault(api);

    public Task ResetCountersAsync() => Fixture.ResetCountersAsync(TestContext.Current.CancellationToken);

    public Task SetFaultsAsync(string json) => Fixture.SetFaultsAsync(json, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Fixture.DisposeAsync();
    }
}
