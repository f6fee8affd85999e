using System.Diagnostics.Metrics;

namespace Alluxio.Fuse;

/// <summary>
/// A mount's request timers, named as Alluxio's FUSE names them: Fuse.Getattr, Fuse.Read and so on, one per kind of
/// request, and Fuse.TotalCalls over all of them (milliseconds each). Their counts are the upcalls the kernel made,
/// which is how a listing's cost per entry is checked.
/// </summary>
internal sealed class FuseMetrics
{
    private readonly Histogram<double>[] _timers;
    private readonly Histogram<double> _total;
    private readonly TimeProvider _time;

    public FuseMetrics(Meter meter, TimeProvider time)
    {
        _time = time;
        _timers = [.. Enum.GetNames<FuseOperation>().Select(n => meter.CreateHistogram<double>($"Fuse.{n}", "ms", $"Time taken by FUSE {n.ToLowerInvariant()} requests."))];
        _total = meter.CreateHistogram<double>("Fuse.TotalCalls", "ms", "Time taken by all FUSE requests.");
    }

    public long Start() => _time.GetTimestamp();

    public void Stop(FuseOperation operation, long started)
    {
        var milliseconds = _time.GetElapsedTime(started).TotalMilliseconds;
        _timers[(int)operation].Record(milliseconds);
        _total.Record(milliseconds);
    }
}
