using Alluxio.Client;
using Alluxio.Client.Options;
using Kodo.Emulator.Faults;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// A file that is only in Kodo (an object put straight into the bucket under the root mount) read cold through
/// Alluxio with CACHE, the worker filling each block from Kodo while it streams it, against Kodo.Client downloading
/// the same object directly in the same ranges into the same buffer. Goal: at least 0.85 of the direct download.
/// Then, with 20 ms per request and 200 MB/s per connection on the emulator, as Kodo across a network: a cold read
/// of another such file against a warm one once it is cached. Goal: warm at least 10x faster.
/// </summary>
internal sealed class ReadColdScenario : IScenario
{
    private const double ColdGoal = 0.85;
    private const double WarmGoal = 10;
    private const int LatencyMs = 20;
    private const long BytesPerSecond = 200_000_000;
    private const string WarmUp = "warm-up.bin";
    private const string Loopback = "cold.bin";
    private const string Remote = "remote.bin";

    public string Name => "read-cold";

    public string Description => "a file only in Kodo read cold through Alluxio against a direct ranged download; then warm against cold with latency and a bandwidth cap";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var scale = DataPathScale.For(quick);

        // Each of the two files is read cold once and stays cached.
        await using var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: 2, kodoRoot: true, cancellationToken);
        var content = new SeededContent(scale.FileBytes);
        var warmUp = new SeededContent(scale.BlockBytes, seed: 2);
        await KodoObjects.UploadAsync(cluster.Kodo, Key(WarmUp), warmUp, cancellationToken);
        await KodoObjects.UploadAsync(cluster.Kodo, Key(Loopback), content, cancellationToken);
        await KodoObjects.UploadAsync(cluster.Kodo, Key(Remote), content, cancellationToken);
        var client = cluster.Client();
        foreach (var name in new[] { WarmUp, Loopback, Remote })
        {
            // Loads each file's metadata from Kodo, so that the timed reads move data only.
            await client.GetStatusAsync("/" + name, cancellationToken: cancellationToken);
        }

        // Both paths once on another object first: JIT, connections, the worker's client of the mount.
        var buffer = new byte[DataPathScale.BufferBytes];
        await KodoObjects.DownloadAsync(cluster.Kodo, Key(WarmUp), warmUp.Length, scale.BlockBytes, buffer, cancellationToken);
        await Reads.VerifyAsync(client, "/" + WarmUp, warmUp, cancellationToken, ReadType.Cache);
        var fromKodoBefore = await cluster.WorkerCounterAsync(WorkerCounters.BytesReadUfs, cancellationToken);

        var lines = new List<string>
        {
            $"object: {scale.Describe()} (the direct download asks for the blocks' ranges one after another); 1 MiB buffer; each cold read once",
            "-- emulator on loopback, no faults",
        };
        var cold = await ColdAsync(cluster, client, Loopback, scale, buffer, cancellationToken);
        lines.AddRange(cold.Lines);
        await Reads.WaitUntilCachedAsync(client, "/" + Loopback, cancellationToken);
        await Reads.VerifyAsync(client, "/" + Loopback, content, cancellationToken);

        lines.Add($"-- emulator with {LatencyMs} ms per request and {BytesPerSecond / 1e6:N0} MB/s per connection");
        cluster.Emulator.SetFaults(FaultSettings.None with { LatencyMs = LatencyMs, Bandwidth = BytesPerSecond });
        var remote = await ColdAsync(cluster, client, Remote, scale, buffer, cancellationToken);
        lines.AddRange(remote.Lines);
        await Reads.WaitUntilCachedAsync(client, "/" + Remote, cancellationToken);
        var warm = new List<Throughput>();
        for (var i = 0; i < scale.Repeats; i++)
        {
            warm.Add(await Reads.TimeAsync(client, "/" + Remote, ReadCall.ReadAsync, buffer, cancellationToken));
        }

        lines.Add($"warm read of the same file, cached (short-circuit): {Throughput.Best(warm)}, best of {scale.Repeats}");
        lines.Add(Ratios.Speedup("warm against cold", Throughput.Best(warm), remote.Cold, WarmGoal));
        var fromKodo = await cluster.WorkerCounterAsync(WorkerCounters.BytesReadUfs, cancellationToken) - fromKodoBefore;
        Expect.That(fromKodo == 2 * scale.FileBytes, $"the worker read {fromKodo} bytes from Kodo, not {2 * scale.FileBytes}: a block was read twice or not at all");
        lines.Add($"bytes the worker read from Kodo for the cold reads: {fromKodo:N0}, each block once");
        return lines;
    }

    private static string Key(string name) => DataPathCluster.RootPrefix + name;

    /// <summary>The direct download of an object, then the first read of its file through Alluxio; their report.</summary>
    private static async Task<(Throughput Cold, string[] Lines)> ColdAsync(
        DataPathCluster cluster, FileSystem client, string name, DataPathScale scale, byte[] buffer, CancellationToken cancellationToken)
    {
        var direct = await cluster.CountKodoRequestsAsync(
            () => Throughput.MeasureAsync(
                scale.FileBytes, () => KodoObjects.DownloadAsync(cluster.Kodo, Key(name), scale.FileBytes, scale.BlockBytes, buffer, cancellationToken)),
            cancellationToken);
        var cold = await cluster.CountKodoRequestsAsync(
            () => Reads.TimeAsync(client, "/" + name, ReadCall.ReadAsync, buffer, cancellationToken, ReadType.Cache), cancellationToken);
        return (cold.Result,
        [
            Ratios.Line("cold read through Alluxio (CACHE)", cold.Result, "direct Kodo.Client ranged download", direct.Result, ColdGoal),
            $"Kodo requests: direct {direct.Requests}; through Alluxio {cold.Requests}",
        ]);
    }
}
