using System.Globalization;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// A cached file read sequentially through FileInStream with short-circuit on (the client leases each block from the
/// worker and reads its file itself), against plain FileStreams reading the same block files in the worker's store:
/// what the client's stream, its lease calls and block changes cost on top of the files. Goal: at least 0.9 of the
/// plain reads, with Read and with ReadAsync.
/// </summary>
internal sealed class ReadShortCircuitScenario : IScenario
{
    private const double Goal = 0.9;

    public string Name => "read-short-circuit";

    public string Description => "a cached file through FileInStream with short-circuit, against FileStream reads of the worker's block files";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var scale = DataPathScale.For(quick);
        await using var file = await CachedFile.CreateAsync(scale, cancellationToken);
        var client = file.Cluster.Client("alluxio.user.short.circuit.enabled=true");
        await file.VerifyAsync(client, cancellationToken);
        var streamedBefore = await file.Cluster.WorkerCounterAsync(WorkerCounters.BytesStreamed, cancellationToken);
        var buffer = new byte[DataPathScale.BufferBytes];
        var lines = new List<string>
        {
            $"file: {scale.Describe()}, written MUST_CACHE ({file.Written}) to the worker's MEM tier in {file.Cluster.StoreFolder}; 1 MiB buffer; best of {scale.Repeats}",
        };
        foreach (var call in Enum.GetValues<ReadCall>())
        {
            var alluxio = new List<Throughput>();
            var files = new List<Throughput>();
            for (var i = 0; i < scale.Repeats; i++)
            {
                files.Add(await Reads.TimeFilesAsync(file.BlockFiles, call, buffer, cancellationToken));
                alluxio.Add(await Reads.TimeAsync(client, CachedFile.Path, call, buffer, cancellationToken));
            }

            var (bestAlluxio, bestFiles) = (Throughput.Best(alluxio), Throughput.Best(files));
            lines.Add(Ratios.Line($"FileInStream.{call}, short-circuit", bestAlluxio, $"FileStream.{call} of the block files", bestFiles, Goal));
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"  time beyond the files' per block (lease call, open, close): {(bestAlluxio.Elapsed - bestFiles.Elapsed).TotalMilliseconds / scale.Blocks:N2} ms"));
        }

        var streamed = await file.Cluster.WorkerCounterAsync(WorkerCounters.BytesStreamed, cancellationToken) - streamedBefore;
        Expect.That(streamed == 0, $"the worker streamed {streamed} bytes: some reads did not take the short-circuit");
        lines.Add("bytes the worker streamed during the timed reads: 0, every block was read from its file");
        return lines;
    }
}
