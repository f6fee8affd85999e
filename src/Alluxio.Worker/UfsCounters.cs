using System.Diagnostics.Metrics;
using Alluxio.Metrics;

namespace Alluxio.Worker;

/// <summary>
/// The bytes a worker read from and wrote to one UFS, as Alluxio tags them: Worker.BytesReadPerUfs.UFS:&lt;escaped
/// URI&gt; and Worker.BytesWrittenPerUfs.UFS:&lt;escaped URI&gt;, each also counted in the all-UFS totals.
/// </summary>
public sealed class UfsCounters
{
    private readonly RunningCounter _readAll;
    private readonly RunningCounter _writtenAll;

    internal UfsCounters(Meter meter, string ufsUri, RunningCounter readAll, RunningCounter writtenAll)
    {
        var tag = MetricNames.UfsTag(ufsUri);
        Read = new RunningCounter(meter, $"Worker.BytesReadPerUfs.{tag}", "bytes", $"Bytes read from {ufsUri}.");
        Written = new RunningCounter(meter, $"Worker.BytesWrittenPerUfs.{tag}", "bytes", $"Bytes written to {ufsUri}.");
        _readAll = readAll;
        _writtenAll = writtenAll;
    }

    internal RunningCounter Read { get; }

    internal RunningCounter Written { get; }

    public void AddRead(long bytes)
    {
        Read.Add(bytes);
        _readAll.Add(bytes);
    }

    public void AddWritten(long bytes)
    {
        Written.Add(bytes);
        _writtenAll.Add(bytes);
    }
}
