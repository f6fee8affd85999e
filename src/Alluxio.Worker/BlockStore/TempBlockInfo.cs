namespace Alluxio.Worker.BlockStore;

/// <summary>A block being written by one session: the file to write and the bytes reserved for it so far.</summary>
public sealed record TempBlockInfo(long SessionId, long BlockId, string Path, string TierAlias, long ReservedBytes);
