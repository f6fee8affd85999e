namespace Alluxio.Server.Web.Models;

/// <summary>A row of the mount table page, as Alluxio's UIMountPointInfo: sizes formatted, options masked.</summary>
public sealed record MountPointRow(
    string MountPoint, string UfsUri, string UfsType, string UfsCapacityBytes, string UfsUsedBytes, bool ReadOnly, bool Shared, string Properties);
