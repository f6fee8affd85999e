using System.Text.Json;
using Alluxio.Grpc;
using Alluxio.Testing;
using Alluxio.Worker.Tests.Hosting;
using Grpc.Net.Client;

namespace Alluxio.Worker.Tests;

/// <summary><c>alluxio-server worker</c> as a process: it serves, answers its web info, stops cleanly and says why it cannot start.</summary>
public sealed class WorkerProcessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkerServesItsInfoAndMetricsAndStopsCleanlyOnSigterm()
    {
        await using var worker = await WorkerProcess.StartAsync(master: null, cancellationToken: Token);

        using var info = JsonDocument.Parse(await worker.GetStringAsync("api/v1/worker/info", Token));
        var metrics = await worker.GetStringAsync("metrics/prometheus", Token);
        var exitCode = await worker.StopAsync(Token);

        Assert.Equal(worker.RpcPort, info.RootElement.GetProperty("rpcPort").GetInt32());
        Assert.Equal(worker.WebPort, info.RootElement.GetProperty("address").GetProperty("webPort").GetInt32());
        Assert.Equal("localhost", info.RootElement.GetProperty("address").GetProperty("host").GetString());
        Assert.Equal(16L << 20, info.RootElement.GetProperty("capacity").GetProperty("total").GetInt64());
        Assert.Equal(16L << 20, info.RootElement.GetProperty("tierCapacity").GetProperty("MEM").GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, info.RootElement.GetProperty("id").ValueKind);
        Assert.Contains("Worker_CapacityTotal 16777216", metrics, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        var log = await File.ReadAllTextAsync(worker.LogFile, Token);
        Assert.Contains("Alluxio worker stopped; the block store is closed", log, StringComparison.Ordinal);
        Assert.Single(log.Split('\n'), l => l.Contains("Cannot reach the master", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARestartedWorkerProcessServesTheBlocksItCachedBefore()
    {
        await using var worker = await WorkerProcess.StartAsync(master: null, cancellationToken: Token);
        var content = TestContent.Bytes(100_000);
        using (var channel = GrpcChannel.ForAddress($"http://{worker.RpcAddress}"))
        {
            await new BlockWorker.BlockWorkerClient(channel).WriteAsync(
                new WriteRequestCommand { Type = RequestType.AlluxioBlock, Id = 61, SpaceToReserve = content.Length }, content, 32_768, Token);
        }

        await worker.RestartAsync(Token);

        using var again = GrpcChannel.ForAddress($"http://{worker.RpcAddress}");
        Assert.Equal(content, await new BlockWorker.BlockWorkerClient(again).ReadAsync(new ReadRequest { BlockId = 61 }, Token));
    }

    [Fact]
    public async Task ABusyPortIsOneLineAndExitCodeOne()
    {
        await using var worker = await WorkerProcess.StartAsync(master: null, cancellationToken: Token);
        using var other = new TempDirectory();

        var result = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio-server"),
            worker.Environment,
            ["worker", $"-Dalluxio.logs.dir={other.Path}/logs", $"-Dalluxio.worker.tieredstore.level0.dirs.path={other.Path}/store"],
            Token);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("Error: a port of the worker is in use already", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreFolderThatCannotBeMadeIsOneLineAndExitCodeOne()
    {
        await using var worker = await WorkerProcess.StartAsync(master: null, cancellationToken: Token);
        await worker.StopAsync(Token);
        using var other = new TempDirectory();

        var result = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio-server"),
            worker.Environment,
            ["worker", $"-Dalluxio.logs.dir={other.Path}/logs", "-Dalluxio.worker.tieredstore.level0.dirs.path=/proc/alluxio-no-store"],
            Token);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains("/proc/alluxio-no-store", line, StringComparison.Ordinal);
    }
}
