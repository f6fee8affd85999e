using Alluxio.Client;
using Alluxio.Testing;

namespace Alluxio.Fuse.Tests;

/// <summary>
/// A master, a worker and the FUSE process mounting the namespace's root, shared by the tests of one class; nothing
/// is started where this machine cannot mount (<see cref="FuseMountProcess.CannotMountReason"/>), and each test then
/// skips with that reason.
/// </summary>
public sealed class MountedCluster : IAsyncLifetime
{
    private TestCluster? _cluster;
    private FuseMountProcess? _mount;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    public FuseMountProcess Mount => _mount ?? throw new InvalidOperationException("Nothing was mounted.");

    public FileSystem Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (FuseMountProcess.CannotMountReason is not null)
        {
            return;
        }

        // Room for every test's files at once; open files keep their blocks from being evicted.
        _cluster = await TestCluster.StartAsync(worker: new WorkerProcessOptions { Quota = "512MB" }, cancellationToken: TestContext.Current.CancellationToken);
        Client = _cluster.Connect();
        _mount = await FuseMountProcess.StartAsync(_cluster.Master, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_mount is not null)
        {
            await _mount.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>The last lines of the FUSE process's log, for a failure's message.</summary>
    public string LogTail() =>
        File.Exists(Mount.LogFile) ? string.Join('\n', File.ReadLines(Mount.LogFile).TakeLast(20)) : "(no log)";

    /// <summary>Runs <paramref name="script"/> with bash, as a user at a shell would, in the mount point.</summary>
    public Task<ProcessResult> ShellAsync(string script) => Mount.ShellAsync(script, TestContext.Current.CancellationToken);
}
