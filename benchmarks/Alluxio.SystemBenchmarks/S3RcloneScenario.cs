using System.Diagnostics;
using System.Globalization;
using Alluxio.Testing;
using Kodo.Emulator.Faults;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// rclone side by side: a 1 GiB object copied in one stream and a directory of 10,000 objects listed, straight from Kodo's S3 face on the emulator, against the same through
/// the proxy, cold (the master and the worker load them from Kodo) and warm (cached). Both on loopback and with
/// 20 ms per request and 200 MB/s per connection, as Kodo across a network. Goals: cold within 1.2x of rclone's
/// time; warm at least 5x faster.
/// </summary>
internal sealed class S3RcloneScenario : IScenario
{
    private const double ColdGoal = 1.2;
    private const double WarmGoal = 5;
    private const int LatencyMs = 20;
    private const long BytesPerSecond = 200_000_000;

    public string Name => "s3-rclone";

    public string Description => "rclone reading 1 GiB and listing 10,000 objects from Kodo's S3 face, against rclone on the proxy, cold and warm";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        Expect.That(Rclone.IsInstalled, $"rclone is not installed at {Rclone.Executable} (eng/install-test-tools.sh installs it)");
        var scale = DataPathScale.For(quick);
        var objects = quick ? 100 : 10_000;
        var networks = quick
            ? new[] { ("loopback", FaultSettings.None) }
            : [("loopback", FaultSettings.None), ("remote", FaultSettings.None with { LatencyMs = LatencyMs, Bandwidth = BytesPerSecond })];

        await using var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: networks.Length + 1, kodoRoot: true, cancellationToken);
        var proxy = await cluster.StartProxyAsync(cancellationToken);
        using var rclone = new Rclone(cluster.KodoS3Remote, new RcloneS3Remote("alluxio", proxy.S3Endpoint.ToString(), "bench", "FAKE-BENCH-SECRET"));
        var client = cluster.Client();
        var content = new SeededContent(scale.FileBytes);
        await KodoObjects.UploadAsync(cluster.Kodo, Key("warm-up/object"), new SeededContent(scale.FileBytes, seed: 2), cancellationToken);
        await KodoObjects.PutOneByteObjectsAsync(cluster.Kodo, Keys(Key("warm-up/list/"), objects), cancellationToken);
        foreach (var (name, _) in networks)
        {
            await KodoObjects.UploadAsync(cluster.Kodo, Key($"{name}/object"), content, cancellationToken);
            await KodoObjects.PutOneByteObjectsAsync(cluster.Kodo, Keys(Key($"{name}-list/"), objects), cancellationToken);
        }

        await using var daemon = await RcloneDaemon.StartAsync(rclone, cancellationToken);

        // Both remotes first move and list as much as a figure does: the proxy's JIT and its client, and rclone's own
        // first large transfer and listing, which ran at half speed here, are no part of any figure.
        using var copies = new RamFolder();
        foreach (var directory in new[] { Direct("warm-up"), Proxied("warm-up") })
        {
            await daemon.CopyToLocalAsync(directory, "object", copies.Path, cancellationToken);
            await daemon.ListAsync(directory + "/list", cancellationToken);
        }

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"object: {scale.Describe()}, copied by rclone in one stream into /dev/shm; listing: {objects:N0} objects in one directory"),
            string.Create(CultureInfo.InvariantCulture, $"through one rclone rcd (rclone v1.60), so no figure holds rclone's start; direct and warm figures best of {scale.Repeats}, cold ones once"),
        };
        foreach (var (name, faults) in networks)
        {
            cluster.Emulator.SetFaults(faults);
            lines.Add(faults == FaultSettings.None
                ? "-- emulator on loopback"
                : $"-- emulator with {LatencyMs} ms per request and {BytesPerSecond / 1e6:N0} MB/s per connection");
            lines.AddRange(await ReadAsync(cluster, daemon, client, name, scale, copies.Path, cancellationToken));
            lines.AddRange(await ListAsync(daemon, proxy, name + "-list", objects, scale.Repeats, cancellationToken));
        }

        cluster.Emulator.SetFaults(FaultSettings.None);
        await Reads.VerifyAsync(client, $"/{networks[^1].Item1}/object", content, cancellationToken);
        lines.Add("the object read through the proxy reads back through the file system API byte for byte");
        return lines;
    }

    private static async Task<IEnumerable<string>> ReadAsync(
        DataPathCluster cluster, RcloneDaemon rclone, Alluxio.Client.FileSystem client, string name, DataPathScale scale, string copies, CancellationToken cancellationToken)
    {
        Task<TimeSpan> TimeCopyAsync(string directory) => TimeCheckedAsync(
            () => rclone.CopyToLocalAsync(directory, "object", copies, cancellationToken), scale.FileBytes, $"the bytes rclone copied from {directory}/object");

        // Kodo keeps no cache for a reader, so the direct read can be repeated; a cold read through Alluxio happens once.
        var direct = await BestAsync(scale.Repeats, () => TimeCopyAsync(Direct(name)));
        var fromKodoBefore = await cluster.WorkerCounterAsync(WorkerCounters.BytesReadUfs, cancellationToken);
        var cold = await TimeCopyAsync(Proxied(name));
        var fromKodo = await cluster.WorkerCounterAsync(WorkerCounters.BytesReadUfs, cancellationToken) - fromKodoBefore;
        Expect.That(fromKodo == scale.FileBytes, $"the cold read took {fromKodo:N0} bytes from Kodo, not {scale.FileBytes:N0}");
        await Reads.WaitUntilCachedAsync(client, $"/{name}/object", cancellationToken);
        var warm = await BestAsync(scale.Repeats, () => TimeCopyAsync(Proxied(name)));
        return
        [
            $"read: rclone from Kodo's S3 face {Rate(scale.FileBytes, direct)}; through the proxy cold {Rate(scale.FileBytes, cold)}, warm {Rate(scale.FileBytes, warm)}",
            Ratios.Within("cold read through the proxy", cold, "rclone from Kodo", direct, ColdGoal),
            Ratios.Speedup("warm read through the proxy against rclone from Kodo", warm, direct, WarmGoal),
        ];
    }

    private static async Task<IEnumerable<string>> ListAsync(
        RcloneDaemon rclone, ProxyProcess proxy, string directory, int objects, int repeats, CancellationToken cancellationToken)
    {
        var direct = await BestAsync(repeats, () => TimeListingAsync(rclone, Direct(directory), objects, cancellationToken));
        var cold = await TimeListingAsync(rclone, Proxied(directory), objects, cancellationToken);
        var warm = await BestAsync(repeats, () => TimeListingAsync(rclone, Proxied(directory), objects, cancellationToken));
        using var http = new HttpClient();
        var pages = new Uri($"{proxy.S3Endpoint}/{directory}?delimiter=%2F&max-keys=1000");
        var alone = await BestAsync(repeats, () => TimeCheckedAsync(() => S3Pages.ListAsync(http, pages, cancellationToken), objects, $"the keys listed in {pages}"));
        return
        [
            $"the proxy alone answers the same pages (V1, delimiter /, 1,000 keys each) to a plain HTTP client in {alone.TotalMilliseconds:N0} ms; the rest of rclone's time is its own",
            Ratios.Within("cold listing through the proxy", cold, "rclone from Kodo", direct, ColdGoal),
            Ratios.Speedup("warm listing through the proxy against rclone from Kodo", warm, direct, WarmGoal),
        ];
    }

    private static Task<TimeSpan> TimeListingAsync(RcloneDaemon rclone, string directory, int objects, CancellationToken cancellationToken) =>
        TimeCheckedAsync(() => rclone.ListAsync(directory, cancellationToken), objects, $"the objects rclone listed in {directory}");

    /// <summary>Times <paramref name="operation"/> and fails the run unless it returns <paramref name="expected"/>.</summary>
    private static async Task<TimeSpan> TimeCheckedAsync<T>(Func<Task<T>> operation, T expected, string what)
    {
        var watch = Stopwatch.StartNew();
        var result = await operation();
        watch.Stop();
        Expect.That(EqualityComparer<T>.Default.Equals(result, expected), $"{what} were {result}, not {expected}");
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> BestAsync(int repeats, Func<Task<TimeSpan>> run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var time = await run();
            best = time < best ? time : best;
        }

        return best;
    }

    private static string Rate(long bytes, TimeSpan time) => new Throughput(bytes, time).ToString();

    private static string Key(string name) => DataPathCluster.RootPrefix + name;

    /// <summary>The keys of a listing: <paramref name="count"/> names under <paramref name="prefix"/>.</summary>
    private static IEnumerable<string> Keys(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}part-{i:D5}"));

    /// <summary>An object or directory of the root mount, as rclone addresses it on Kodo's S3 face.</summary>
    private static string Direct(string path) => $"kodo:{TestKodo.Bucket}/{DataPathCluster.RootPrefix}{path}";

    /// <summary>The same through the proxy, where the top-level directory is the bucket.</summary>
    private static string Proxied(string path) => "alluxio:" + path;
}
