using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// A cached file read sequentially through the FUSE mount (1 MiB reads by one reader), against the same bytes through
/// FileInStream in-process with short-circuit. The first epoch starts with the kernel's page cache dropped; the
/// second is served from it (keep_cache holds it across opens). Goals: the first epoch at least 0.7 of the client
/// (Alluxio 2.x reached 0.45), the second at least 3 times the first. Needs root to mount and to drop the page cache.
/// </summary>
internal sealed class FuseReadScenario : IScenario
{
    private const double ClientGoal = 0.7;
    private const double EpochGoal = 3.0;

    public string Name => "fuse-read";

    public string Description => "a cached file through the FUSE mount with dd-like 1 MiB reads, cold and from the page cache, against FileInStream";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        if (FuseMountProcess.CannotMountReason is { } reason)
        {
            return [$"not run: {reason}"];
        }

        var scale = DataPathScale.For(quick);
        await using var file = await CachedFile.CreateAsync(scale, cancellationToken);
        const string shortCircuit = "alluxio.user.short.circuit.enabled=true";
        var client = file.Cluster.Client(shortCircuit);
        await file.VerifyAsync(client, cancellationToken);
        await using var mount = await FuseMountProcess.StartAsync(file.Cluster.Master, siteProperties: shortCircuit, cancellationToken: cancellationToken);
        var buffer = new byte[DataPathScale.BufferBytes];
        var mounted = mount.PathOf(CachedFile.Path);

        var clientRuns = new List<Throughput>();
        var cold = new List<Throughput>();
        var warm = new List<Throughput>();
        for (var i = 0; i < scale.Repeats; i++)
        {
            clientRuns.Add(await Reads.TimeAsync(client, CachedFile.Path, ReadCall.Read, buffer, cancellationToken));
            await File.WriteAllTextAsync("/proc/sys/vm/drop_caches", "3", cancellationToken);
            cold.Add(ReadThroughMount(mounted, buffer));
            warm.Add(ReadThroughMount(mounted, buffer));
        }

        var (bestClient, bestCold, bestWarm) = (Throughput.Best(clientRuns), Throughput.Best(cold), Throughput.Best(warm));
        return
        [
            $"file: {scale.Describe()}, cached in the worker's MEM tier; 1 MiB reads; best of {scale.Repeats}; mount read-ahead {File.ReadAllText($"/sys/class/bdi/{mount.Device}/read_ahead_kb").Trim()} KiB",
            Ratios.Line("first epoch through the mount (page cache dropped)", bestCold, "FileInStream.Read, short-circuit", bestClient, ClientGoal),
            Ratios.Speedup("second epoch through the mount (page cache)", bestWarm, bestCold, EpochGoal),
        ];
    }

    private static Throughput ReadThroughMount(string path, byte[] buffer) =>
        Throughput.Measure(new FileInfo(path).Length, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return Reads.ToEnd(stream, buffer);
        });
}
