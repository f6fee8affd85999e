using System.Diagnostics.Metrics;
using Alluxio.UnderFs;

namespace Alluxio.Testing;

/// <summary>The UFS context tests build UFSs with: the test's log capture, its clock, a meter of its own, and the master's metric names.</summary>
public static class TestUfs
{
    public static UnderFileSystemContext Context(LogCapture logs, TimeProvider? time = null) =>
        new((logs ?? throw new ArgumentNullException(nameof(logs))).Factory, time ?? TimeProvider.System, new Meter(UnderFileSystemContext.MeterName), "Master");
}
