namespace Alluxio.Server.Web.Models;

/// <summary>A tier's capacity and use on a worker, in bytes.</summary>
public sealed record UiUsageOnTier(string TierAlias, long CapacityBytes, long UsedBytes);
