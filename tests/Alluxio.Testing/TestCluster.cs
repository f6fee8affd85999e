using Alluxio.Client;
using Alluxio.Configuration;

namespace Alluxio.Testing;

/// <summary>
/// A master and its workers as real processes (<see cref="MasterProcess"/>, <see cref="WorkerProcess"/>), with file
/// system clients of that master: the setup of cluster-level tests of the data path.
/// </summary>
/// <remarks>
/// Workers are registered with the master when they are started here. A client takes the master's
/// alluxio-site.properties (its ports, and whatever the master's options set, e.g. the block size or a root mount)
/// plus the properties it is given, as `bin/alluxio` would with -D. Dispose closes the clients, then stops the
/// workers and the master and deletes their folders.
/// </remarks>
public sealed class TestCluster : IAsyncDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_defaultWait = TimeSpan.FromSeconds(30);

    private readonly List<WorkerProcess> _workers = [];
    private readonly List<FileSystem> _clients = [];
    private readonly WorkerProcessOptions _workerOptions;

    private TestCluster(MasterProcess master, WorkerProcessOptions workerOptions)
    {
        Master = master;
        _workerOptions = workerOptions with { WaitForRegistration = true };
    }

    public MasterProcess Master { get; }

    /// <summary>The workers started so far, in order.</summary>
    public IReadOnlyList<WorkerProcess> Workers => _workers;

    /// <summary>The master's default root UFS, a local folder; unused when the master's options mount another root.</summary>
    public string LocalUfsRoot => Path.Combine(Master.WorkDirectory, "underFSStorage");

    /// <summary>Starts a master and <paramref name="workers"/> workers, and waits until every worker has registered.</summary>
    /// <param name="worker">How each worker starts (unless <see cref="AddWorkerAsync"/> says otherwise); they always wait for registration.</param>
    public static async Task<TestCluster> StartAsync(
        MasterProcessOptions? master = null, int workers = 1, WorkerProcessOptions? worker = null, CancellationToken cancellationToken = default)
    {
        var cluster = new TestCluster(await MasterProcess.StartAsync(master, cancellationToken).ConfigureAwait(false), worker ?? new WorkerProcessOptions());
        try
        {
            for (var i = 0; i < workers; i++)
            {
                await cluster.AddWorkerAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts one more worker and waits until it has registered.</summary>
    public async Task<WorkerProcess> AddWorkerAsync(WorkerProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        var worker = await WorkerProcess.StartAsync(
            Master, (options ?? _workerOptions) with { WaitForRegistration = true }, cancellationToken).ConfigureAwait(false);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>A client of the master with <paramref name="properties"/> ("key=value") on top of the master's site file; closed with the cluster.</summary>
    public FileSystem Connect(params string[] properties) => Connect(Master, properties, _clients);

    /// <summary>A client of <paramref name="master"/> with <paramref name="properties"/> ("key=value"); the caller closes it.</summary>
    public static FileSystem Connect(MasterProcess master, params string[] properties) => Connect(master, properties, null);

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds, or fails naming <paramref name="what"/> after
    /// <paramref name="timeout"/> (30 seconds unless given).
    /// </summary>
    /// <exception cref="TimeoutException">It did not hold in time.</exception>
    public static async Task WaitUntilAsync(
        Func<CancellationToken, Task<bool>> condition, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? s_defaultWait);
        while (!await condition(cancellationToken).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout ?? s_defaultWait} in vain for {what}.");
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fails when <paramref name="secret"/> is in anything the processes printed or logged so far: workers get
    /// mount credentials from the master, so both sides are searched.
    /// </summary>
    public void AssertSecretNeverShown(string secret)
    {
        var texts = new List<(string Where, string Text)> { ("master output", Master.Output) };
        texts.AddRange(_workers.Select((w, i) => ($"worker {i} output", w.Output)));
        var logs = new[] { Master.LogFile }.Concat(_workers.Select(w => w.LogFile)).Where(File.Exists);
        texts.AddRange(logs.Select(f => (f, File.ReadAllText(f))));
        foreach (var (where, text) in texts)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The seeded secret appears in the {where}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _clients.Clear();
        await Task.WhenAll(_workers.Select(w => w.DisposeAsync().AsTask())).ConfigureAwait(false);
        _workers.Clear();
        await Master.DisposeAsync().ConfigureAwait(false);
    }

    private static FileSystem Connect(MasterProcess master, string[] properties, List<FileSystem>? owned)
    {
        ArgumentNullException.ThrowIfNull(master);
        var configuration = ConfigurationLoader.Load(
            properties, name => master.Environment.GetValueOrDefault(name) ?? System.Environment.GetEnvironmentVariable(name));
        var client = FileSystem.Create(configuration);
        owned?.Add(client);
        return client;
    }
}
