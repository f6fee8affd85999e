using Alluxio.Configuration;
using Alluxio.Testing;
using Alluxio.UnderFs.Contract;
using Kodo.Emulator;
using Kodo.Emulator.Faults;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>An emulator on port 0 and a Kodo UFS on it, configured as the seed page says plus the uc endpoint.</summary>
internal sealed class KodoUfsHost : IAsyncDisposable
{
    public const string Bucket = "ufs-bucket";
    public const string AccessKey = "ufs-test-ak";
    public const string SecretKey = "FAKE-UFS-TEST-SK-4f2a";

    private KodoUfsHost(EmulatorServer emulator, UnderFileSystem ufs, LogCapture logs)
    {
        Emulator = emulator;
        Ufs = ufs;
        Logs = logs;
    }

    public EmulatorServer Emulator { get; }

    public UnderFileSystem Ufs { get; }

    /// <summary>What the UFS logged; an unexpected error in it fails the test.</summary>
    public LogCapture Logs { get; }

    public const string Root = "kodo://" + Bucket + "/dir";

    public static async Task<KodoUfsHost> StartAsync(FaultSettings? faults = null, string secretKey = SecretKey)
    {
        var emulator = await EmulatorServer.StartAsync(
            new EmulatorOptions { Port = 0, Buckets = [Bucket], AccessKey = AccessKey, SecretKey = SecretKey },
            TestContext.Current.CancellationToken);
        var configuration = UfsContractRunner.Configure(AlluxioConfiguration.Defaults, Options(emulator.Endpoint, secretKey));
        var logs = new LogCapture();
        var ufs = new UnderFileSystemRegistry(TestUfs.Context(logs)).Register(new KodoUnderFileSystemFactory()).Create(Root, configuration);
        emulator.State.Faults.Settings = faults ?? FaultSettings.None;
        return new KodoUfsHost(emulator, ufs, logs);
    }

    /// <summary>The mount options of the seed page, pointed at the emulator.</summary>
    public static KeyValuePair<string, string>[] Options(string endpoint, string secretKey = SecretKey) =>
    [
        new("fs.kodo.accesskey", AccessKey),
        new("fs.kodo.secretkey", secretKey),
        new("alluxio.underfs.kodo.downloadhost", EmulatorState.DefaultDomain(Bucket)),
        new("alluxio.underfs.kodo.endpoint", endpoint),
        new("alluxio.underfs.kodo.uc.endpoint", "http://" + endpoint),
        new("alluxio.underfs.kodo.request.timeout", "30sec"),
        new("alluxio.underfs.kodo.retry.max.num", "10"),
    ];

    public async ValueTask DisposeAsync()
    {
        await Ufs.DisposeAsync();
        await Emulator.DisposeAsync();
        Logs.Dispose();
    }
}
