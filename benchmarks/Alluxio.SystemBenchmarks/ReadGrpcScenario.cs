namespace Alluxio.SystemBenchmarks;

/// <summary>
/// A cached file read sequentially through FileInStream with short-circuit off, so the worker streams every block
/// over gRPC, against a raw loopback TCP copy of the same number of bytes with the same buffers: what gRPC, HTTP/2
/// framing, the worker's reads and the client's chunk handling cost against the bare socket. Goal: at least 0.6 of
/// the TCP copy.
/// </summary>
internal sealed class ReadGrpcScenario : IScenario
{
    private const double Goal = 0.6;

    public string Name => "read-grpc";

    public string Description => "a cached file streamed from the worker over gRPC, against a raw loopback TCP copy of as many bytes";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var scale = DataPathScale.For(quick);
        await using var file = await CachedFile.CreateAsync(scale, cancellationToken);
        var client = file.Cluster.Client("alluxio.user.short.circuit.enabled=false");
        await file.VerifyAsync(client, cancellationToken);
        await LoopbackTcp.MeasureAsync(DataPathScale.BufferBytes * 64L, cancellationToken);
        var streamedBefore = await file.Cluster.WorkerCounterAsync(WorkerCounters.BytesStreamed, cancellationToken);
        var buffer = new byte[DataPathScale.BufferBytes];
        var tcp = new List<Throughput>();
        var alluxio = Enum.GetValues<ReadCall>().ToDictionary(c => c, _ => new List<Throughput>());
        for (var i = 0; i < scale.Repeats; i++)
        {
            tcp.Add(await LoopbackTcp.MeasureAsync(scale.FileBytes, cancellationToken));
            foreach (var (call, runs) in alluxio)
            {
                runs.Add(await Reads.TimeAsync(client, CachedFile.Path, call, buffer, cancellationToken));
            }
        }

        var streamed = await file.Cluster.WorkerCounterAsync(WorkerCounters.BytesStreamed, cancellationToken) - streamedBefore;
        var expected = alluxio.Count * scale.Repeats * scale.FileBytes;
        Expect.That(streamed == expected, $"the worker streamed {streamed} bytes, not {expected}: some reads did not go over gRPC");
        var bestTcp = Throughput.Best(tcp);
        return
        [
            $"file: {scale.Describe()}, written MUST_CACHE ({file.Written}) to the worker's MEM tier; short-circuit off; 1 MiB buffer; best of {scale.Repeats}",
            .. alluxio.Select(a => Ratios.Line(
                $"FileInStream.{a.Key} over gRPC", Throughput.Best(a.Value), "loopback TCP copy, 1 MiB buffers", bestTcp, Goal)),
            $"bytes the worker streamed during the timed reads: {streamed:N0}, as expected",
        ];
    }
}
