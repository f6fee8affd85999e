using System.Globalization;
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
    private const int Epochs = 10;
    private const double PageCacheGoal = 0.5;

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
            await FuseProbes.DropCachesAsync(3, cancellationToken);
            cold.Add(ReadThroughMount(mounted, buffer));
            warm.Add(ReadThroughMount(mounted, buffer));
        }

        // What FUSE itself allows here for the same reads, and what the page cache gives without FUSE (the worker's
        // block files, in tmpfs), measured in the same run.
        var (nullCold, blockFiles) = (new List<Throughput>(), new List<Throughput>());
        await using (var nullFs = await NullFileSystem.StartAsync(scale.FileBytes, cancellationToken))
        {
            await nullFs.RaiseReadAheadAsync(cancellationToken);
            for (var i = 0; i < scale.Repeats; i++)
            {
                await FuseProbes.DropCachesAsync(3, cancellationToken);
                nullCold.Add(ReadThroughMount(nullFs.FilePath, buffer));
                blockFiles.Add(await Reads.TimeFilesAsync(file.BlockFiles, ReadCall.Read, buffer, cancellationToken));
            }
        }

        var (bestClient, bestCold, bestWarm) = (Throughput.Best(clientRuns), Throughput.Best(cold), Throughput.Best(warm));
        return
        [
            $"file: {scale.Describe()}, cached in the worker's MEM tier; 1 MiB reads; best of {scale.Repeats}; mount read-ahead {File.ReadAllText($"/sys/class/bdi/{mount.Device}/read_ahead_kb").Trim()} KiB",
            Ratios.Line("first epoch through the mount (page cache dropped)", bestCold, "FileInStream.Read, short-circuit", bestClient, ClientGoal),
            $"  for scale: libfuse's C null file system, the same reads with its page cache dropped (what FUSE allows here): {Throughput.Best(nullCold)}",
            Ratios.Speedup("second epoch through the mount (page cache)", bestWarm, bestCold, EpochGoal),
            Ratios.Line("second epoch through the mount (page cache)", bestWarm, "the worker's block files read from tmpfs (page cache, no FUSE)", Throughput.Best(blockFiles), PageCacheGoal),
            .. await MeasureMemoryAsync(mount, mounted, buffer, quick ? 2 : Epochs, cancellationToken),
        ];
    }

    /// <summary>
    /// Cold epochs (page cache dropped, so every byte is a FUSE read) with the FUSE process's own counts scraped
    /// around each: managed bytes allocated per read request (less what a scrape itself allocates), and the
    /// resident set after each epoch.
    /// </summary>
    private static async Task<IReadOnlyList<string>> MeasureMemoryAsync(FuseMountProcess mount, string path, byte[] buffer, int epochs, CancellationToken cancellationToken)
    {
        const string Allocated = "dotnet_gc_heap_total_allocated";
        const string Reads = "Fuse_Read_count";
        var first = await mount.ScrapeAsync(cancellationToken);
        var second = await mount.ScrapeAsync(cancellationToken);
        var scrapeCost = second[Allocated] - first[Allocated];
        var (perRead, resident, requests) = (new List<double>(), new List<long>(), 0.0);
        for (var i = 0; i < epochs; i++)
        {
            await FuseProbes.DropCachesAsync(3, cancellationToken);
            var before = await mount.ScrapeAsync(cancellationToken);
            _ = ReadThroughMount(path, buffer);
            var after = await mount.ScrapeAsync(cancellationToken);
            requests = after[Reads] - before[Reads];
            perRead.Add(Math.Max(0, after[Allocated] - before[Allocated] - scrapeCost) / requests);
            resident.Add(FuseProbes.ResidentBytes(mount.ProcessId));
        }

        // Steady state: small reads of one open file within one block, a short run and a long one; the difference
        // between them cancels what each run spends once (the open, the block's lease), leaving the cost per read.
        // What the process allocates in as long with no request at all (timers, heartbeats to the master) is
        // shown and taken off as well.
        var longSeconds = epochs < Epochs ? 2 : 4;
        var (shortRun, longRun) = (await SmallReadsAsync(1), await SmallReadsAsync(longSeconds));
        var idleStart = await mount.ScrapeAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(longSeconds - 1), cancellationToken);
        var idle = (await mount.ScrapeAsync(cancellationToken))[Allocated] - idleStart[Allocated] - scrapeCost;
        var smallReads = longRun.Reads - shortRun.Reads;
        var steady = Math.Max(0, longRun.Allocated - shortRun.Allocated - idle) / smallReads;

        async Task<(double Reads, double Allocated)> SmallReadsAsync(int seconds)
        {
            var start = await mount.ScrapeAsync(cancellationToken);
            _ = await FuseProbes.DirectReadIopsAsync(path, seconds, 16L << 20, cancellationToken);
            var end = await mount.ScrapeAsync(cancellationToken);
            return (end[Reads] - start[Reads], end[Allocated] - start[Allocated]);
        }

        var median = FuseProbes.Median(perRead);
        var (low, high) = (resident.Min(), resident.Max());
        var spread = (high - low) / (double)low;
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"managed allocations per read request in steady state (the extra {smallReads:N0} 4 KiB O_DIRECT reads of a {longSeconds} s fio run over a 1 s one, less the {idle / (longSeconds - 1) / 1024:N0} KiB/s allocated when idle): {steady:N2} bytes (goal 0: {(steady < 1 ? "met" : "NOT met")})"),
            string.Create(CultureInfo.InvariantCulture, $"managed allocations per read request over {epochs} cold epochs of {requests:N0} 1 MiB reads, opens and block changes included: median {median:N1} bytes"),
            string.Create(CultureInfo.InvariantCulture, $"FUSE process resident set after each epoch: {low >> 20:N0}-{high >> 20:N0} MiB, spread {spread:P1} (goal within 10%: {(spread <= 0.1 ? "met" : "NOT met")})"),
        ];
    }

    private static Throughput ReadThroughMount(string path, byte[] buffer) =>
        Throughput.Measure(new FileInfo(path).Length, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return Reads.ToEnd(stream, buffer);
        });
}
