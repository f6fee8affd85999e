namespace Alluxio.Worker.BlockStore;

/// <summary>One tier's capacity and bytes in use, the sums over its folders.</summary>
public sealed record StorageTierReport(int Ordinal, string Alias, long Capacity, long UsedBytes, IReadOnlyList<StorageDirReport> Dirs);
