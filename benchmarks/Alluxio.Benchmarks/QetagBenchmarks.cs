using BenchmarkDotNet.Attributes;
using Kodo.Protocol.Hashing;

namespace Alluxio.Benchmarks;

/// <summary>The qetag of one block (4 MiB) and of three blocks (9 MiB), from a buffer and from a stream.</summary>
[MemoryDiagnoser]
public class QetagBenchmarks : IDisposable
{
    private byte[] _content = [];
    private MemoryStream _stream = new();

    [Params(4, 9)]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _content = new byte[SizeMiB * 1024 * 1024];
        new Random(42).NextBytes(_content);
        _stream = new MemoryStream(_content, writable: false);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _stream.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public string ComputeFromBuffer() => Qetag.Compute(_content);

    [Benchmark]
    public string ComputeFromStream()
    {
        _stream.Position = 0;
        return Qetag.Compute(_stream);
    }

    [Benchmark]
    public Task<string> ComputeFromStreamAsync()
    {
        _stream.Position = 0;
        return Qetag.ComputeAsync(_stream);
    }
}
