using System.Globalization;
using Alluxio.Grpc;
using Kodo.Client;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// CACHE_THROUGH and THROUGH writes through FileOutStream into the Kodo root (the worker streams the file into a
/// multipart upload, and for CACHE_THROUGH keeps it as blocks too), against Kodo.Client uploading the same bytes
/// directly with the part size and parts in flight that the Kodo UFS uses by default. Goal: at least 0.85 of the
/// direct upload, each.
/// </summary>
internal sealed class WriteThroughScenario : IScenario
{
    private const double Goal = 0.85;

    /// <summary>The write types timed, with the names Alluxio gives them.</summary>
    private static readonly (WritePType Type, string Name)[] s_writeTypes = [(WritePType.CacheThrough, "CACHE_THROUGH"), (WritePType.Through, "THROUGH")];

    public string Name => "write-through";

    public string Description => "CACHE_THROUGH and THROUGH writes into a Kodo root, against a direct Kodo.Client multipart upload";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var scale = DataPathScale.For(quick);
        await using var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: 1, kodoRoot: true, cancellationToken);
        var content = new SeededContent(scale.FileBytes);
        var client = cluster.Client();

        // Each path once on a small file first: JIT, connections, the worker's client of the mount.
        var warmUp = new SeededContent(scale.BlockBytes, seed: 2);
        await KodoObjects.UploadAsync(cluster.Kodo, Key("warm-up-direct.bin"), warmUp, cancellationToken);
        foreach (var (type, name) in s_writeTypes)
        {
            await Writes.TimeAsync(client, $"/warm-up-{name}.bin", warmUp, type, scale.BlockBytes, cancellationToken);
        }

        var toKodoBefore = await cluster.WorkerCounterAsync(WorkerCounters.BytesWrittenUfs, cancellationToken);
        var direct = await cluster.CountKodoRequestsAsync(
            () => Throughput.MeasureAsync(scale.FileBytes, () => KodoObjects.UploadAsync(cluster.Kodo, Key("direct.bin"), content, cancellationToken)),
            cancellationToken);
        var through = new List<(Throughput Result, string Requests)>();
        foreach (var (type, name) in s_writeTypes)
        {
            through.Add(await cluster.CountKodoRequestsAsync(
                () => Writes.TimeAsync(client, $"/{name}.bin", content, type, scale.BlockBytes, cancellationToken), cancellationToken));
        }

        var toKodo = await cluster.WorkerCounterAsync(WorkerCounters.BytesWrittenUfs, cancellationToken) - toKodoBefore;
        var objects = new List<KodoObjectInfo?> { await cluster.Kodo.StatAsync(Key("direct.bin"), cancellationToken) };
        foreach (var (_, name) in s_writeTypes)
        {
            objects.Add(await cluster.Kodo.StatAsync(Key($"{name}.bin"), cancellationToken));
        }

        var alike = objects.All(o => o is not null && o.Size == scale.FileBytes && string.Equals(o.Hash, objects[0]!.Hash, StringComparison.Ordinal));
        Expect.That(alike, "the objects in Kodo differ in size or hash");
        Expect.That(toKodo == s_writeTypes.Length * scale.FileBytes, $"the worker wrote {toKodo} bytes to Kodo, not {s_writeTypes.Length * scale.FileBytes}");
        var cached = await client.GetStatusAsync($"/{s_writeTypes[0].Name}.bin", cancellationToken: cancellationToken);
        await Reads.VerifyAsync(client, cached.Path, content, cancellationToken);
        var options = cluster.Kodo.Options;
        return
        [
            string.Create(
                CultureInfo.InvariantCulture,
                $"file: {scale.Describe()}, written in 1 MiB writes; multipart parts of {options.PartSize >> 20} MiB, {options.PartConcurrency} in flight (Kodo.Client's defaults, the Kodo UFS's too); each write once"),
            .. s_writeTypes.Select((t, i) => Ratios.Line($"{t.Name} through FileOutStream", through[i].Result, "direct Kodo.Client multipart upload", direct.Result, Goal)),
            $"Kodo requests: direct {direct.Requests}; {string.Join("; ", s_writeTypes.Select((t, i) => $"{t.Name} {through[i].Requests}"))}",
            $"the three objects in Kodo have the same size and Kodo hash; the {s_writeTypes[0].Name} file is {cached.InAlluxioPercentage}% cached",
            $"bytes the worker wrote to Kodo: {toKodo:N0}, as expected",
        ];
    }

    private static string Key(string name) => DataPathCluster.RootPrefix + name;
}
