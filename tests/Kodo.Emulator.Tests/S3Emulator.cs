using Amazon.Runtime;
using Amazon.S3;

namespace Kodo.Emulator.Tests;

/// <summary>An in-process emulator with its S3 face on a free port, and an AWS SDK client signed with the account's keys.</summary>
internal sealed class S3Emulator : IAsyncDisposable
{
    public const string Region = "cn-east-1";

    private S3Emulator(EmulatorHost host)
    {
        Host = host;
        Client = CreateClient(EmulatorHost.SecretKey);
    }

    public EmulatorHost Host { get; }

    public AmazonS3Client Client { get; }

    /// <summary>host:port of the S3 face.</summary>
    public string Endpoint => Host.Server.S3Endpoint!;

    public static Task<S3Emulator> StartAsync(params string[] buckets) => StartInAsync(null, buckets);

    /// <summary>Starts on <paramref name="dataFolder"/> (in memory when null), as a restart of an earlier run would.</summary>
    public static async Task<S3Emulator> StartInAsync(string? dataFolder, params string[] buckets) =>
        new(await EmulatorHost.StartAsync(EmulatorHost.Options(dataFolder, buckets) with { S3Host = "127.0.0.1", S3Port = 0, S3Region = Region }));

    /// <summary>A client for the S3 face that signs with <paramref name="secretKey"/>.</summary>
    public AmazonS3Client CreateClient(string secretKey) => new(
        new BasicAWSCredentials(EmulatorHost.AccessKey, secretKey),
        new AmazonS3Config
        {
            ServiceURL = "http://" + Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = Region,
            UseHttp = true,
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
