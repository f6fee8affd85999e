namespace Alluxio.Server.Web.Models;

/// <summary>A worker row of the workers page, as Alluxio's NodeInfo.</summary>
public sealed record NodeInfo(
    string Host,
    int WebPort,
    string LastHeartbeat,
    string State,
    string Capacity,
    string UsedMemory,
    int UsedSpacePercent,
    int FreeSpacePercent,
    string UptimeClockTime,
    long WorkerId,
    long BlockCount);
