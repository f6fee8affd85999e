using Alluxio.Configuration;
using Alluxio.Testing;
using Alluxio.UnderFs.Contract;
using Kodo.Emulator.Faults;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>The shared in-process emulator and a Kodo UFS on it, configured as the seed page says plus the uc endpoint.</summary>
internal sealed class KodoUfsHost : IAsyncDisposable
{
    public const string Bucket = TestKodo.Bucket;
    public const string AccessKey = TestKodo.AccessKey;
    public const string SecretKey = TestKodo.SecretKey;

    public const string Root = "kodo://" + Bucket + "/dir";

    private KodoUfsHost(KodoEmulatorFixture emulator, UnderFileSystem ufs, LogCapture logs)
    {
        Emulator = emulator;
        Ufs = ufs;
        Logs = logs;
    }

    public KodoEmulatorFixture Emulator { get; }

    public UnderFileSystem Ufs { get; }

    /// <summary>What the UFS logged; an unexpected error in it fails the test.</summary>
    public LogCapture Logs { get; }

    /// <summary>An emulator for this account, not yet used by any UFS.</summary>
    public static Task<KodoEmulatorFixture> StartEmulatorAsync() => TestKodo.StartEmulatorAsync(TestContext.Current.CancellationToken);

    public static async Task<KodoUfsHost> StartAsync(FaultSettings? faults = null, string secretKey = SecretKey)
    {
        var emulator = await StartEmulatorAsync();
        var configuration = UfsContractRunner.Configure(AlluxioConfiguration.Defaults, Options(emulator, secretKey));
        var logs = new LogCapture();
        var ufs = new UnderFileSystemRegistry(TestUfs.Context(logs)).Register(new KodoUnderFileSystemFactory()).Create(Root, configuration);
        emulator.SetFaults(faults ?? FaultSettings.None);
        return new KodoUfsHost(emulator, ufs, logs);
    }

    /// <summary>The mount options of the seed page, pointed at <paramref name="emulator"/>.</summary>
    public static KeyValuePair<string, string>[] Options(KodoEmulatorFixture emulator, string secretKey = SecretKey) =>
        TestKodo.Options(emulator, secretKey);

    /// <summary>The mount options of the seed page, pointed at an emulator at <paramref name="endpoint"/>.</summary>
    public static KeyValuePair<string, string>[] Options(string endpoint, string domain = Bucket + ".kodo-emulator.local", string secretKey = SecretKey) =>
        TestKodo.Options(endpoint, domain, secretKey);

    public async ValueTask DisposeAsync()
    {
        await Ufs.DisposeAsync();
        await Emulator.DisposeAsync();
        Logs.Dispose();
    }
}
