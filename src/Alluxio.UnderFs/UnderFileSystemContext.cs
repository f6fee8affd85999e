using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Alluxio.UnderFs;

/// <summary>
/// What every UFS is built with, handed from the host through the registry to each factory and on to the clients
/// below: where logs go, what time it is, the meter its figures are recorded on, and the instance that names them
/// (Master, Worker or Client, as Alluxio prefixes its metrics). There is deliberately no default: a UFS that quietly
/// logs nowhere in a real process is a bug.
/// </summary>
public sealed record UnderFileSystemContext(ILoggerFactory LoggerFactory, TimeProvider TimeProvider, Meter Meter, string Instance)
{
    /// <summary>The name of the meter a host creates for the UFS layer.</summary>
    public const string MeterName = "Alluxio.UnderFs";
}
