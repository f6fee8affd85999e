using Kodo.Protocol;

namespace Kodo.Emulator.Tests;

/// <summary>
/// An emulator started in process on a free port, with an HttpClient and request helpers bound to it. Each test
/// starts its own so that objects, counters and fault settings never leak between tests.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    public const string AccessKey = "test-access-key";
    public const string SecretKey = "test-secret-key";

    /// <summary>The bucket a host has when a test names none.</summary>
    public const string Bucket = "bucket-a";

    private readonly HttpClient _http;

    private EmulatorHost(EmulatorServer server, HttpClient http)
    {
        Server = server;
        _http = http;
        Kodo = new KodoRequests(http, new KodoCredentials(AccessKey, SecretKey), server.Endpoint);
    }

    public EmulatorServer Server { get; }

    public KodoRequests Kodo { get; }

    /// <summary>The domain downloads from <paramref name="bucket"/> use when no domain was configured.</summary>
    public static string DefaultDomain(string bucket = Bucket) => EmulatorState.DefaultDomain(bucket);

    /// <summary>Options for this account and <paramref name="buckets"/> (<see cref="Bucket"/> when empty), on port 0.</summary>
    public static EmulatorOptions Options(string? dataFolder = null, params string[] buckets) => new()
    {
        Port = 0,
        Buckets = buckets.Length == 0 ? [Bucket] : buckets,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        DataFolder = dataFolder,
    };

    public static Task<EmulatorHost> StartAsync(params string[] buckets) => StartAsync(Options(null, buckets));

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options)
    {
        var server = await EmulatorServer.StartAsync(options, TestContext.Current.CancellationToken);
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        var http = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://" + server.Endpoint),
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new EmulatorHost(server, http);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
