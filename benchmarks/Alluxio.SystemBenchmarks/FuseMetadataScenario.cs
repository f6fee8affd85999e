using System.Diagnostics;
using System.Globalization;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// The small requests through the FUSE mount, against what FUSE itself allows here (libfuse's C null file system,
/// mounted in the same run) and against the client API:
/// stat with attr_timeout=0 and the metadata cached in-process (goal: at least 0.8 of the C null file system's rate);
/// 4 KiB O_DIRECT reads at queue depth 1 of a cached file (fio; goal: at least 0.6 of the null file system's);
/// ls -l of a cold 10,000-file directory (goals: at most 1.2 upcalls per entry, at most twice one ListStatus).
/// Needs root, fio, gcc and libfuse3-dev.
/// </summary>
internal sealed class FuseMetadataScenario : IScenario
{
    private const double StatGoal = 0.8;
    private const double SmallReadGoal = 0.6;
    private const double UpcallsPerEntryGoal = 1.2;
    private const double ListingGoal = 2.0;
    private const string ListedDirectory = "/bench/listed";
    private const string ShortCircuit = "alluxio.user.short.circuit.enabled=true";

    public string Name => "fuse-meta";

    public string Description => "stat and 4 KiB O_DIRECT reads through the FUSE mount against libfuse's C null file system, and ls -l of 10,000 files against ListStatus";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        if (FuseMountProcess.CannotMountReason is { } reason)
        {
            return [$"not run: {reason}"];
        }

        var scale = DataPathScale.For(quick);
        var entries = quick ? 200 : 10_000;
        var statTime = TimeSpan.FromSeconds(quick ? 0.2 : 2);
        var fioSeconds = quick ? 1 : 3;
        await using var file = await CachedFile.CreateAsync(scale, cancellationToken);
        var client = file.Cluster.Client(ShortCircuit);
        await file.VerifyAsync(client, cancellationToken);
        await CreateEmptyFilesAsync(client, entries, cancellationToken);

        var lines = new List<string> { $"file: {scale.Describe()}, cached in the worker's MEM tier; median of {scale.Repeats}" };
        await using (var nullFs = await NullFileSystem.StartAsync(scale.FileBytes, cancellationToken))
        await using (var mount = await FuseMountProcess.StartAsync(
            file.Cluster.Master, siteProperties: $"{ShortCircuit}\nalluxio.user.metadata.cache.enabled=true", mountOptions: "attr_timeout=0", cancellationToken: cancellationToken))
        {
            var mounted = mount.PathOf(CachedFile.Path);
            _ = FuseProbes.StatsPerSecond(mounted, statTime / 4);
            var (ourStats, nullStats, ourReads, nullReads) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < scale.Repeats; i++)
            {
                ourStats.Add(FuseProbes.StatsPerSecond(mounted, statTime));
                nullStats.Add(FuseProbes.StatsPerSecond(nullFs.FilePath, statTime));
                ourReads.Add(await FuseProbes.DirectReadIopsAsync(mounted, fioSeconds, Math.Min(scale.FileBytes, 256L << 20), cancellationToken));
                nullReads.Add(await FuseProbes.DirectReadIopsAsync(nullFs.FilePath, fioSeconds, Math.Min(scale.FileBytes, 256L << 20), cancellationToken));
            }

            lines.Add(Ratios.Rate(
                "stat through the mount (attr_timeout=0, metadata cached in-process)", FuseProbes.Median(ourStats),
                "libfuse's C null file system", FuseProbes.Median(nullStats), "stat/s", StatGoal));
            lines.Add(Ratios.Rate(
                "4 KiB O_DIRECT reads at queue depth 1 through the mount (fio)", FuseProbes.Median(ourReads),
                "libfuse's C null file system", FuseProbes.Median(nullReads), "IOPS", SmallReadGoal));
        }

        lines.AddRange(await ListAsync(file.Cluster.Master, client, entries, scale.Repeats, cancellationToken));
        return lines;
    }

    /// <summary>
    /// ls -l of the directory through a mount with the default timeouts, its dentries dropped first, against one
    /// ListStatus of it through the client API; the upcalls are the mount's own count of the requests it served.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ListAsync(MasterProcess master, FileSystem client, int entries, int repeats, CancellationToken cancellationToken)
    {
        await using var mount = await FuseMountProcess.StartAsync(master, cancellationToken: cancellationToken);
        var listed = mount.PathOf(ListedDirectory);
        var (fuseTimes, clientTimes, upcalls) = (new List<TimeSpan>(), new List<TimeSpan>(), new List<double>());
        for (var i = 0; i < repeats + 1; i++)
        {
            await FuseProbes.DropCachesAsync(2, cancellationToken);
            var before = await mount.ScrapeAsync(cancellationToken);
            var watch = Stopwatch.StartNew();
            var ls = await ProcessRun.RunAsync("/bin/sh", new Dictionary<string, string>(), ["-c", $"ls -l '{listed}' | wc -l"], cancellationToken);
            var fuseTime = watch.Elapsed;
            var after = await mount.ScrapeAsync(cancellationToken);
            if (ls.OutLines.SingleOrDefault() != (entries + 1).ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"ls -l listed {ls.All.Trim()} lines, not {entries + 1}.");
            }

            watch = Stopwatch.StartNew();
            var count = 0;
            await foreach (var _ in client.ListStatusAsync(ListedDirectory, cancellationToken: cancellationToken))
            {
                count++;
            }

            var clientTime = watch.Elapsed;
            if (count != entries)
            {
                throw new InvalidOperationException($"ListStatus gave {count} entries, not {entries}.");
            }

            // The first round warms both sides up (JIT, connections) and is not counted.
            if (i > 0)
            {
                fuseTimes.Add(fuseTime);
                clientTimes.Add(clientTime);
                upcalls.Add((after["Fuse_TotalCalls_count"] - before.GetValueOrDefault("Fuse_TotalCalls_count")) / entries);
            }
        }

        var perEntry = FuseProbes.Median(upcalls);
        var local = await TimeLocalListingAsync(entries, repeats, cancellationToken);
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"ls -l of {entries:N0} files, dentries dropped: {perEntry:N3} upcalls per entry (goal <= {UpcallsPerEntryGoal}: {(perEntry <= UpcallsPerEntryGoal ? "met" : "NOT met")})"),
            Ratios.Within("ls -l through the mount", fuseTimes.Order().ElementAt(repeats / 2), "one ListStatus through the client API", clientTimes.Order().ElementAt(repeats / 2), ListingGoal),
            string.Create(CultureInfo.InvariantCulture, $"ls -l of as many empty files in a tmpfs directory (no FUSE, no cluster; what ls itself costs): {local.TotalMilliseconds:N0} ms"),
        ];
    }

    /// <summary>The median time of ls -l over <paramref name="entries"/> empty files in /dev/shm: the floor any mount's listing stands on.</summary>
    private static async Task<TimeSpan> TimeLocalListingAsync(int entries, int repeats, CancellationToken cancellationToken)
    {
        var folder = Path.Combine("/dev/shm", $"alluxio-ls-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < entries; i++)
            {
                File.Create(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"file-{i:D5}.bin"))).Dispose();
            }

            var times = new List<TimeSpan>();
            for (var i = 0; i < repeats + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                _ = await ProcessRun.RunAsync("/bin/sh", new Dictionary<string, string>(), ["-c", $"ls -l '{folder}' | wc -l"], cancellationToken);
                times.Add(watch.Elapsed);
            }

            return times.Skip(1).Order().ElementAt(repeats / 2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task CreateEmptyFilesAsync(FileSystem client, int entries, CancellationToken cancellationToken)
    {
        await client.CreateDirectoryAsync(ListedDirectory, new CreateDirectoryOptions { Recursive = true, WriteType = WritePType.MustCache }, cancellationToken);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, entries),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var stream = await client.CreateFileAsync(
                    string.Create(CultureInfo.InvariantCulture, $"{ListedDirectory}/file-{i:D5}.bin"), new CreateFileOptions { WriteType = WritePType.MustCache }, token);
                await stream.DisposeAsync();
            });
    }
}
