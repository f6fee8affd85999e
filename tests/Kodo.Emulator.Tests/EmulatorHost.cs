using Kodo.Protocol;

namespace Kodo.Emulator.Tests;

/// <summary>The shared in-process emulator with this project's account and raw Kodo requests bound to it.</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    public const string AccessKey = "test-access-key";
    public const string SecretKey = "test-secret-key";

    /// <summary>The bucket a host has when a test names none.</summary>
    public const string Bucket = "bucket-a";

    private EmulatorHost(KodoEmulatorFixture fixture)
    {
        Fixture = fixture;
        Kodo = new KodoRequests(fixture.Http, new KodoCredentials(AccessKey, SecretKey), fixture.Endpoint);
    }

    public KodoEmulatorFixture Fixture { get; }

    public EmulatorServer Server => Fixture.Server;

    public KodoRequests Kodo { get; }

    /// <summary>The domain downloads from <paramref name="bucket"/> use when no domain was configured.</summary>
    public static string DefaultDomain(string bucket = Bucket) => EmulatorState.DefaultDomain(bucket);

    /// <summary>Options for this account and <paramref name="buckets"/> (<see cref="Bucket"/> when empty), on port 0.</summary>
    public static EmulatorOptions Options(string? dataFolder = null, params string[] buckets) =>
        KodoEmulatorFixture.CreateOptions(AccessKey, SecretKey, buckets.Length == 0 ? [Bucket] : buckets) with { DataFolder = dataFolder };

    public static Task<EmulatorHost> StartAsync(params string[] buckets) => StartAsync(Options(null, buckets));

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options) =>
        new(await KodoEmulatorFixture.StartAsync(options, TestContext.Current.CancellationToken));

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
