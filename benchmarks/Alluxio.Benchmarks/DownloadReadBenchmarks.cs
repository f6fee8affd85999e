using BenchmarkDotNet.Attributes;
using Kodo.Client;

namespace Alluxio.Benchmarks;

/// <summary>
/// KodoDownloadStream.ReadAsync over an in-process handler: one 64 KiB read of an already open stream, with and
/// without a cancellable token (the steady state, where per-read allocations show), and a whole 4 MiB object
/// opened and read in 64 KiB chunks.
/// </summary>
[MemoryDiagnoser]
public class DownloadReadBenchmarks : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private const long EndlessSize = 1L << 50;
    private const long ObjectSize = 4L * 1024 * 1024;

    private readonly byte[] _buffer = new byte[ChunkSize];
    private readonly CancellationTokenSource _caller = new();
    private FixedObjectHandler? _endlessHandler;
    private FixedObjectHandler? _objectHandler;
    private KodoClient? _endlessClient;
    private KodoClient? _objectClient;
    private KodoDownloadStream? _open;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _endlessHandler = new FixedObjectHandler(EndlessSize);
        _objectHandler = new FixedObjectHandler(ObjectSize);
        _endlessClient = new KodoClient(CreateOptions(), _endlessHandler);
        _objectClient = new KodoClient(CreateOptions(), _objectHandler);

        // An object far larger than any run reads, so every measured read is a steady-state read of one response.
        _open = await _endlessClient.OpenReadAsync("bench/endless");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _open?.Dispose();
        _endlessClient?.Dispose();
        _objectClient?.Dispose();
        _endlessHandler?.Dispose();
        _objectHandler?.Dispose();
        _caller.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public ValueTask<int> ReadChunk64KiBAsync() => _open!.ReadAsync(_buffer);

    /// <summary>The same read with a token that can be cancelled, as callers usually pass one.</summary>
    [Benchmark]
    public ValueTask<int> ReadChunk64KiBWithTokenAsync() => _open!.ReadAsync(_buffer, _caller.Token);

    [Benchmark]
    public async Task<long> OpenAndRead4MiBIn64KiBChunksAsync()
    {
        await using var stream = await _objectClient!.OpenReadAsync("bench/object-4MiB");
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(_buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static KodoClientOptions CreateOptions() => new()
    {
        AccessKey = "bench-access-key",
        SecretKey = "bench-secret-key",
        Bucket = "bench",
        DownloadHost = "bench.kodo.invalid",
        IoEndpoint = "http://io.kodo.invalid",
        UcEndpoint = "http://uc.kodo.invalid",
        UpEndpoint = "http://up.kodo.invalid",
        RsEndpoint = "http://rs.kodo.invalid",
        RsfEndpoint = "http://rsf.kodo.invalid",
    };
}
