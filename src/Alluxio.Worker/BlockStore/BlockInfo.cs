namespace Alluxio.Worker.BlockStore;

/// <summary>A committed block: its length and where it lives.</summary>
/// <param name="DirPath">The block folder (<see cref="StorageDirOptions.DataPath"/>) that holds the block's file.</param>
public sealed record BlockInfo(long BlockId, long Length, string TierAlias, string DirPath);
