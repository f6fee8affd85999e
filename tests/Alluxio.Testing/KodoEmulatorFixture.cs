using System.Text;
using System.Text.Json;
using Kodo.Emulator;
using Kodo.Emulator.Faults;

namespace Alluxio.Testing;

/// <summary>
/// The Kodo emulator started in process on a free port, with an HttpClient bound to it for its admin endpoints.
/// Each test starts its own, so objects, counters and fault settings never leak between tests; the test
/// projects build their clients (raw requests, KodoClient, a UFS) on top of this.
/// </summary>
public sealed class KodoEmulatorFixture : IAsyncDisposable
{
    private KodoEmulatorFixture(EmulatorServer server, EmulatorOptions options)
    {
        Server = server;
        Options = options;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri("http://" + server.Endpoint),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public EmulatorServer Server { get; }

    /// <summary>What it was started with, among them the account's keys.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>host:port of the emulator.</summary>
    public string Endpoint => Server.Endpoint;

    /// <summary>A client for http://<see cref="Endpoint"/> that neither follows redirects nor keeps cookies.</summary>
    public HttpClient Http { get; }

    /// <summary>Options for one account and its buckets on a free port; the rest as the emulator defaults them.</summary>
    public static EmulatorOptions CreateOptions(string accessKey, string secretKey, params string[] buckets) => new()
    {
        Port = 0,
        AccessKey = accessKey,
        SecretKey = secretKey,
        Buckets = buckets,
    };

    public static async Task<KodoEmulatorFixture> StartAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = await EmulatorServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new KodoEmulatorFixture(server, options);
    }

    /// <summary>The download domain of <paramref name="bucket"/>.</summary>
    public string DomainOf(string bucket) => Server.DomainOf(bucket);

    /// <summary>Sets the faults in process; <see cref="SetFaultsAsync"/> goes through the admin endpoint instead.</summary>
    public void SetFaults(FaultSettings faults) => Server.Faults = faults;

    /// <summary>Changes the faults with POST /__emulator/faults, as a user would while it runs.</summary>
    public async Task SetFaultsAsync(string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri("/__emulator/faults", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The counters as GET /__emulator/counters reports them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountersAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(
            await Http.GetStringAsync(new Uri("/__emulator/counters", UriKind.Relative), cancellationToken).ConfigureAwait(false));
        return document.RootElement.GetProperty("counters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    public async Task ResetCountersAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync(new Uri("/__emulator/counters/reset", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
