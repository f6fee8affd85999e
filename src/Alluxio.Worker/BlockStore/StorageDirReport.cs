namespace Alluxio.Worker.BlockStore;

/// <summary>One folder's capacity, bytes in use (committed blocks and reservations) and committed blocks.</summary>
public sealed record StorageDirReport(string Path, long Capacity, long UsedBytes, IReadOnlyList<BlockInfo> Blocks);
