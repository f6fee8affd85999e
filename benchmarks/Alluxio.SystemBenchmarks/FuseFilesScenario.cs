using System.Diagnostics;
using System.Globalization;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// Many small files, as a training job's dataset of images or records is: 10,000 files of 100 KiB cached in the
/// worker, each opened, read whole and closed by two readers, through the FUSE mount (page cache and dentries
/// dropped first) against the same through the client API (FileSystem.OpenFileAsync, short-circuit). Goal: at least
/// 0.5 of the client's files per second (Alluxio's FUSE was reported far slower on small files).
/// </summary>
internal sealed class FuseFilesScenario : IScenario
{
    private const double Goal = 0.5;
    private const int FileBytes = 100 << 10;
    private const int Readers = 2;
    private const string Folder = "/bench/small";
    private const string ShortCircuit = "alluxio.user.short.circuit.enabled=true";

    public string Name => "fuse-files";

    public string Description => "10,000 files of 100 KiB, two readers, through the FUSE mount against the client API";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        if (FuseMountProcess.CannotMountReason is { } reason)
        {
            return [$"not run: {reason}"];
        }

        var count = quick ? 200 : 10_000;
        var repeats = quick ? 1 : 3;
        var scale = new DataPathScale(FileBytes, 64L << 20, repeats);
        await using var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: count, kodoRoot: false, cancellationToken);
        var client = cluster.Client(ShortCircuit);
        var names = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Folder}/part-{i:D5}.bin")).ToArray();
        var content = new SeededContent(FileBytes);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (name, token) =>
            await Writes.TimeAsync(client, name, content, WritePType.MustCache, scale.BlockBytes, token));

        // The metadata cache, as Alluxio advises for training jobs: an open then reads from the status its lookup
        // fetched, so a file costs the master one call, as through the client API.
        await using var mount = await FuseMountProcess.StartAsync(
            cluster.Master, siteProperties: $"{ShortCircuit}\nalluxio.user.metadata.cache.enabled=true", cancellationToken: cancellationToken);
        var mounted = names.Select(mount.PathOf).ToArray();
        var (fuseRates, clientRates, upcalls) = (new List<double>(), new List<double>(), "");
        for (var i = 0; i < repeats + 1; i++)
        {
            var clientRate = await FilesPerSecondAsync(names, async (name, buffer, token) =>
            {
                await using var file = await client.OpenFileAsync(name, cancellationToken: token);
                return await Reads.ToEndAsync(file, buffer, token);
            }, cancellationToken);
            await FuseProbes.DropCachesAsync(3, cancellationToken);
            var before = await mount.ScrapeAsync(cancellationToken);
            var fuseRate = await FilesPerSecondAsync(mounted, (path, buffer, _) =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
                return Task.FromResult(Reads.ToEnd(stream, buffer));
            }, cancellationToken);

            upcalls = Upcalls(before, await mount.ScrapeAsync(cancellationToken), count);

            // The first round warms both sides up (JIT, connections, the worker's block leases) and is not counted.
            if (i > 0)
            {
                clientRates.Add(clientRate);
                fuseRates.Add(fuseRate);
            }
        }

        return
        [
            string.Create(CultureInfo.InvariantCulture, $"{count:N0} files of {FileBytes >> 10} KiB cached in the worker's MEM tier, {Readers} readers, each file opened, read whole and closed; median of {repeats}"),
            Ratios.Rate(
                "through the mount (page cache and dentries dropped; alluxio.user.metadata.cache.enabled)", FuseProbes.Median(fuseRates),
                "the client API, short-circuit", FuseProbes.Median(clientRates), "files/s", Goal),
            $"upcalls per file through the mount: {upcalls}",
        ];
    }

    /// <summary>"lookup 1.00, open 1.00, read 1.00, …": each kind of request the mount served, per file read.</summary>
    private static string Upcalls(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, int files) =>
        string.Join(", ", after.Keys
            .Where(k => k.StartsWith("Fuse_", StringComparison.Ordinal) && k.EndsWith("_count", StringComparison.Ordinal) && k != "Fuse_TotalCalls_count")
            .Select(k => (Name: k["Fuse_".Length..^"_count".Length].ToLowerInvariant(), PerFile: (after[k] - before.GetValueOrDefault(k)) / files))
            .Where(u => u.PerFile > 0.005)
            .OrderByDescending(u => u.PerFile)
            .Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Name} {u.PerFile:N2}")));

    /// <summary>Files per second read by <see cref="Readers"/> concurrent readers, each taking the next file until none is left.</summary>
    private static async Task<double> FilesPerSecondAsync(
        string[] files, Func<string, byte[], CancellationToken, Task<long>> read, CancellationToken cancellationToken)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(
            async () =>
            {
                var buffer = new byte[DataPathScale.BufferBytes];
                int index;
                while ((index = Interlocked.Increment(ref next)) < files.Length)
                {
                    if (await read(files[index], buffer, cancellationToken) != FileBytes)
                    {
                        throw new InvalidOperationException($"{files[index]} is not {FileBytes} bytes long.");
                    }
                }
            },
            cancellationToken));
        await Task.WhenAll(readers);
        return files.Length / watch.Elapsed.TotalSeconds;
    }
}
