using System.Globalization;
using System.Text;
using Alluxio.Client;
using Alluxio.Testing;
using Kodo.Client;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// What the data-path scenarios run against: a master and a worker process (the published server that
/// bin/alluxio-server runs), the worker's MEM tier in a per-run folder on /dev/shm, and clients in this process;
/// with a Kodo root, the root mount is kodo://bucket/dir/ on an emulator in this process (its S3 face on too) whose
/// objects are on /dev/shm too, so neither side of a comparison waits on a disk. Dispose stops everything and removes the folder.
/// </summary>
internal sealed class DataPathCluster : IAsyncDisposable
{
    /// <summary>The bucket prefix the root mount maps to: Alluxio's /x is the object dir/x.</summary>
    public const string RootPrefix = "dir/";

    private readonly RamFolder _folder = new();
    private readonly List<FileSystem> _clients = [];
    private KodoEmulatorFixture? _emulator;
    private KodoClient? _kodo;
    private MasterProcess? _master;
    private WorkerProcess? _worker;
    private ProxyProcess? _proxy;

    private DataPathCluster()
    {
    }

    public MasterProcess Master => _master ?? throw new InvalidOperationException("The master has not started.");

    public WorkerProcess Worker => _worker ?? throw new InvalidOperationException("The worker has not started.");

    /// <summary>The emulator of the Kodo root.</summary>
    public KodoEmulatorFixture Emulator => _emulator ?? throw new InvalidOperationException("The cluster was started without a Kodo root.");

    /// <summary>An rclone remote named "kodo" on the emulator's S3 face, as a user would configure one for Kodo's.</summary>
    public RcloneS3Remote KodoS3Remote =>
        new("kodo", "http://" + Emulator.Server.S3Endpoint, TestKodo.AccessKey, TestKodo.SecretKey, Emulator.Options.S3Region);

    /// <summary>A client of the root's bucket, with Kodo.Client's defaults (those the Kodo UFS uses too).</summary>
    public KodoClient Kodo => _kodo ?? throw new InvalidOperationException("The cluster was started without a Kodo root.");

    /// <summary>Where the worker keeps its blocks.</summary>
    public string StoreFolder => Worker.StoreFolder;

    /// <summary>
    /// Starts the processes with <paramref name="scale"/>'s block size and a worker quota for
    /// <paramref name="cachedFiles"/> files of its size; with <paramref name="kodoRoot"/>, on an emulated Kodo root.
    /// </summary>
    public static async Task<DataPathCluster> StartAsync(DataPathScale scale, int cachedFiles, bool kodoRoot, CancellationToken cancellationToken)
    {
        var cluster = new DataPathCluster();
        try
        {
            var site = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"alluxio.user.block.size.bytes.default={scale.BlockBytes}");
            if (kodoRoot)
            {
                var options = KodoEmulatorFixture.CreateOptions(TestKodo.AccessKey, TestKodo.SecretKey, TestKodo.Bucket) with
                {
                    DataFolder = cluster._folder.Folder("kodo"),
                    S3Host = "127.0.0.1",
                };
                cluster._emulator = await KodoEmulatorFixture.StartAsync(options, cancellationToken);
                cluster._kodo = TestKodo.Client(cluster._emulator);
                site.AppendLine(CultureInfo.InvariantCulture, $"alluxio.master.mount.table.root.ufs=kodo://{TestKodo.Bucket}/{RootPrefix}");
                foreach (var (key, value) in TestKodo.Options(cluster._emulator))
                {
                    site.AppendLine(CultureInfo.InvariantCulture, $"{key}={value}");
                }
            }

            cluster._master = await MasterProcess.StartAsync(new MasterProcessOptions { SiteProperties = site.ToString() }, cancellationToken);
            cluster._worker = await WorkerProcess.StartAsync(
                cluster._master,
                new WorkerProcessOptions { Quota = scale.QuotaFor(cachedFiles), StoreFolder = cluster._folder.Folder("worker"), WaitForRegistration = true },
                cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the cluster's proxy (S3 and REST), once; it stops with the cluster.</summary>
    public async Task<ProxyProcess> StartProxyAsync(CancellationToken cancellationToken) =>
        _proxy ??= await ProxyProcess.StartAsync(_master ?? throw new InvalidOperationException("The master has not started."), cancellationToken: cancellationToken);

    /// <summary>A new client of this cluster, with -D overrides such as "alluxio.user.short.circuit.enabled=false".</summary>
    public FileSystem Client(params string[] systemProperties)
    {
        var client = FileSystem.Create(ClientConfiguration.For(_master ?? throw new InvalidOperationException("The master has not started."), systemProperties));
        _clients.Add(client);
        return client;
    }

    /// <summary>The file of a block in the worker's store.</summary>
    public string BlockFile(long blockId) =>
        Directory.EnumerateFiles(StoreFolder, blockId.ToString(CultureInfo.InvariantCulture), SearchOption.AllDirectories).Single();

    /// <summary>A counter of the worker's /metrics/prometheus, e.g. Worker_BytesReadRemote; 0 before its first count.</summary>
    public async Task<long> WorkerCounterAsync(string name, CancellationToken cancellationToken)
    {
        var text = await Worker.GetStringAsync("metrics/prometheus", cancellationToken);
        return text.Split('\n')
            .Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
            .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Runs <paramref name="action"/> and returns its result with the Kodo requests it made, by API ("io.get 4,
    /// rs.stat 1"); the counters are reset before and read after, outside anything <paramref name="action"/> times.
    /// </summary>
    public async Task<(T Result, string Requests)> CountKodoRequestsAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await Emulator.ResetCountersAsync(cancellationToken);
        var result = await action();
        var counters = await Emulator.CountersAsync(cancellationToken);
        return (result, string.Join(", ", counters.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}"))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        if (_master is not null)
        {
            await _master.DisposeAsync();
        }

        if (_kodo is not null)
        {
            await _kodo.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _folder.Dispose();
    }
}
