using System.Diagnostics.Metrics;

namespace Alluxio.Worker;

/// <summary>
/// A counter that also keeps its running total: the meter gets each increment (for this process's metrics), and the
/// total goes to the master in heartbeats, which sums the workers' into Alluxio's Cluster.* figures.
/// </summary>
public sealed class RunningCounter
{
    private readonly Counter<long> _counter;
    private long _total;

    public RunningCounter(Meter meter, string name, string unit, string description)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(name);
        _counter = meter.CreateCounter<long>(name, unit, description);
        ShortName = name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The name without the instance, as heartbeats carry it: BytesReadRemote for Worker.BytesReadRemote.</summary>
    public string ShortName { get; }

    public long Total => Interlocked.Read(ref _total);

    public void Add(long delta)
    {
        _counter.Add(delta);
        Interlocked.Add(ref _total, delta);
    }
}
