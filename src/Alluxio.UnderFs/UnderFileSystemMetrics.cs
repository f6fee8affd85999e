using System.Diagnostics.Metrics;

namespace Alluxio.UnderFs;

/// <summary>The UFS meter: every call's duration and every failure, tagged with the operation and the UFS type.</summary>
internal static class UnderFileSystemMetrics
{
    public static readonly Meter Meter = new("Alluxio.UnderFs");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "alluxio.ufs.operation.duration", "ms", "How long each UFS call took.");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "alluxio.ufs.operation.failures", description: "UFS calls that threw.");
}
