using Alluxio.Paths;
using BenchmarkDotNet.Attributes;

namespace Alluxio.Benchmarks;

/// <summary>AlluxioUri.Parse and NormalizePath on typical paths: already normal, with a scheme, and messy.</summary>
[MemoryDiagnoser]
public class AlluxioUriBenchmarks
{
    [Params("/a/b/c", "kodo://bucket/dir/file", "/a//b/./c/../d/")]
    public string Path { get; set; } = "/";

    [Benchmark]
    public AlluxioUri Parse() => AlluxioUri.Parse(Path);

    [Benchmark]
    public string NormalizePath() => AlluxioUri.NormalizePath(Path);
}
