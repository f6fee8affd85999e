using System.Diagnostics;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// Master RPC throughput over real gRPC on loopback: a real master process (journal fsync'd on every commit) and
/// clients in this process on the same two cores. getStatus of existing files (reference: Alluxio's 65,000/s on a
/// 4-vCPU master with clients elsewhere; goal 30,000/s) and create + complete of empty files (reference: Alluxio's
/// 3,000/s; goal 5,000/s).
/// </summary>
internal sealed class MasterRpcScenario : IScenario
{
    public string Name => "master-rpc";

    public string Description => "getStatus and create+complete per second against a real master process";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var duration = quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(5);
        var concurrency = quick ? 4 : 64;
        const int Channels = 4;
        await using var master = await MasterProcess.StartAsync(cancellationToken: cancellationToken);
        var configuration = ClientConfiguration.For(master);
        var clients = Enumerable.Range(0, Channels).Select(_ => FileSystem.Create(configuration)).ToList();
        try
        {
            var cache = new CreateFileOptions { WriteType = WritePType.MustCache, Recursive = true };
            const int Files = 1000;
            await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var path = $"/status/f{i}";
                await clients[i % Channels].CreateFileMetadataAsync(path, cache, ct);
                await clients[i % Channels].CompleteFileAsync(path, new CompleteFileOptions(), ct);
            });

            // Reference: the cheapest call the master has (it returns a constant), over the same kind of channels.
            var channels = Enumerable.Range(0, Channels).Select(_ => global::Grpc.Net.Client.GrpcChannel.ForAddress($"http://{master.RpcAddress}")).ToList();
            var meta = channels.Select(c => new MetaMasterClientService.MetaMasterClientServiceClient(c)).ToList();
            var nullCall = await MeasureAsync(concurrency, duration, async (worker, _, ct) =>
                await meta[worker % Channels].GetServiceVersionAsync(new GetServiceVersionPRequest(), cancellationToken: ct), cancellationToken);
            channels.ForEach(c => c.Dispose());

            var getStatus = await MeasureAsync(concurrency, duration, async (worker, n, ct) =>
                await clients[worker % Channels].GetStatusAsync($"/status/f{(((worker * 7919) + n) % Files + Files) % Files}", cancellationToken: ct), cancellationToken);

            var creates = await MeasureAsync(concurrency, duration, async (worker, n, ct) =>
            {
                var path = $"/create/w{worker}/f{n}";
                await clients[worker % Channels].CreateFileMetadataAsync(path, cache, ct);
                await clients[worker % Channels].CompleteFileAsync(path, new CompleteFileOptions(), ct);
            }, cancellationToken);

            return
            [
                $"clients: {concurrency} concurrent calls over {Channels} channels, {duration.TotalSeconds:N1} s each",
                $"null RPC (GetServiceVersion, raw gRPC stub): {nullCall:N0} calls/s, the transport's ceiling here",
                $"getStatus of existing files: {getStatus:N0} ops/s ({getStatus / nullCall:N2} of the null RPC; goal >= 30,000; Alluxio publishes 65,000 on 4 vCPUs with clients elsewhere; ratio to Alluxio {getStatus / 65_000:N2})",
                $"create + complete of empty files, journal fsync'd: {creates:N0} ops/s (goal >= 5,000; Alluxio publishes 3,000; ratio {creates / 3_000:N2})",
            ];
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="concurrency"/> loops of <paramref name="call"/> for a while; returns calls per second.</summary>
    private static async Task<double> MeasureAsync(int concurrency, TimeSpan duration, Func<int, int, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        // A warm-up of the same calls (half the measured time), so both sides run tier-1 JIT code and the connections
        // are open before the clock starts; otherwise whichever call runs first looks slower.
        var warmUp = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var n = -1; warmUp.Elapsed < duration / 2; n--)
            {
                await call(worker, n - (worker * 1_000_000), cancellationToken);
            }
        }));
        long done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var n = 0; watch.Elapsed < duration; n++)
            {
                await call(worker, n, cancellationToken);
                Interlocked.Increment(ref done);
            }
        }));
        return done / watch.Elapsed.TotalSeconds;
    }
}
