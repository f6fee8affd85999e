using Alluxio.Configuration;
using BenchmarkDotNet.Attributes;

namespace Alluxio.Benchmarks;

/// <summary>
/// Typed look-ups on a configuration with a few explicit values, as a running server makes them: a string with a
/// ${key} reference, an integer, a byte size and a duration, each explicit, and one byte size left at its default.
/// </summary>
[MemoryDiagnoser]
public class ConfigurationBenchmarks
{
    private readonly AlluxioConfiguration _configuration = new(new Dictionary<string, ConfiguredValue>
    {
        ["alluxio.master.mount.table.root.ufs"] = Explicit("kodo://bucket/${alluxio.master.hostname}"),
        ["alluxio.master.hostname"] = Explicit("master-1"),
        ["alluxio.master.metadata.sync.concurrency.level"] = Explicit("12"),
        ["alluxio.user.block.size.bytes.default"] = Explicit("128MB"),
        ["alluxio.underfs.kodo.request.timeout"] = Explicit("90sec"),
    });

    [Benchmark]
    public string GetWithReference() => _configuration.Get(PropertyKeys.MasterMountTableRootUfs);

    [Benchmark]
    public int GetInt() => _configuration.GetInt(PropertyKeys.MasterMetadataSyncConcurrencyLevel);

    [Benchmark]
    public long GetBytes() => _configuration.GetBytes(PropertyKeys.UserBlockSizeBytesDefault);

    [Benchmark]
    public long GetBytesDefault() => _configuration.GetBytes(PropertyKeys.MasterJournalLogSizeBytesMax);

    [Benchmark]
    public TimeSpan GetDuration() => _configuration.GetDuration(PropertyKeys.MasterJournalFlushTimeout);

    private static ConfiguredValue Explicit(string value) => new(value, ConfigurationSource.Runtime, "");
}
