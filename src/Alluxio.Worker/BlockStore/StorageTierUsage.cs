namespace Alluxio.Worker.BlockStore;

/// <summary>One tier's capacity, bytes in use and committed block count: the figures heartbeats and metrics need.</summary>
public sealed record StorageTierUsage(string Alias, long Capacity, long UsedBytes, int BlockCount);
