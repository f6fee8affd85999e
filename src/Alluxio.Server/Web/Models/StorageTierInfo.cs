namespace Alluxio.Server.Web.Models;

/// <summary>One tier's capacity on the master's overview, as Alluxio's StorageTierInfo serializes it.</summary>
public sealed record StorageTierInfo(
    string StorageTierAlias, string Capacity, string UsedCapacity, string FreeCapacity, int UsedSpacePercent, int FreeSpacePercent);
