namespace Alluxio.Server.Web.Models;

/// <summary>A block of a file on the browse page and the worker's block info, as Alluxio's UIFileBlockInfo.</summary>
public sealed record UiFileBlockInfo(long Id, long BlockLength, long LastAccessTimeMs, IReadOnlyList<string> Locations, bool IsInHighestTier, string TierAlias);
