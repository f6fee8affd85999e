namespace Alluxio.Server.Web.Models;

/// <summary>A storage folder of a worker's tier, with its capacity and use in bytes.</summary>
public sealed record UiStorageDir(string TierAlias, string DirPath, long CapacityBytes, long UsedBytes);
