using System.Diagnostics.Metrics;
using Alluxio.Configuration;
using Alluxio.Journal;
using Alluxio.Master;
using Alluxio.UnderFs;

namespace Alluxio.Testing;

/// <summary>
/// A file system master in the test process over a real UFS (a temp folder unless told otherwise), with the NOOP
/// journal unless the test brings its own. For namespace tests; process-level tests start the real server.
/// </summary>
public sealed class TestMaster : IAsyncDisposable
{
    private TestMaster(FileSystemMaster master, AlluxioConfiguration configuration, KnownSecrets secrets)
    {
        Master = master;
        Configuration = configuration;
        Secrets = secrets;
    }

    public FileSystemMaster Master { get; }

    public AlluxioConfiguration Configuration { get; }

    public KnownSecrets Secrets { get; }

    /// <summary>Starts a master whose root mount is <paramref name="rootUfs"/>.</summary>
    /// <param name="properties">More properties, e.g. the root mount's options.</param>
    /// <param name="openJournal">The journal; the NOOP journal when null.</param>
    public static async Task<TestMaster> StartAsync(
        string rootUfs,
        LogCapture logs,
        IEnumerable<KeyValuePair<string, string>>? properties = null,
        Func<IJournalStateMachine, IJournal>? openJournal = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        BuiltInUnderFileSystems.RegisterKeys(PropertyKeyRegistry.Global);
        var configuration = AlluxioConfiguration.Defaults.With(
            [new(PropertyKeys.MasterMountTableRootUfs.Name, rootUfs), .. properties ?? []],
            ConfigurationSource.Runtime);
        var clock = time ?? TimeProvider.System;
        var registry = BuiltInUnderFileSystems.CreateRegistry(new UnderFileSystemContext(logs.Factory, clock, new Meter(UnderFileSystemContext.MeterName), "Master"));
        var secrets = new KnownSecrets();
        secrets.AddFrom(configuration);
        var master = FileSystemMaster.Create(configuration, registry, openJournal ?? (sm => new NoopJournal(sm)), clock, logs.Factory, secrets);
        try
        {
            await master.StartAsync("alluxio", CancellationToken.None);
        }
        catch
        {
            await master.DisposeAsync();
            throw;
        }

        return new TestMaster(master, configuration, secrets);
    }

    public ValueTask DisposeAsync() => Master.DisposeAsync();
}
