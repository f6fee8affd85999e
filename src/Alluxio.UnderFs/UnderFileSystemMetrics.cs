using System.Diagnostics.Metrics;

namespace Alluxio.UnderFs;

/// <summary>The UFS instruments: every call's duration and every failure, tagged with the operation and the UFS type.</summary>
internal sealed class UnderFileSystemMetrics(Meter meter)
{
    public Histogram<double> Duration { get; } = meter.CreateHistogram<double>(
        "alluxio.ufs.operation.duration", "ms", "How long each UFS call took.");

    public Counter<long> Failures { get; } = meter.CreateCounter<long>(
        "alluxio.ufs.operation.failures", description: "UFS calls that threw.");
}
