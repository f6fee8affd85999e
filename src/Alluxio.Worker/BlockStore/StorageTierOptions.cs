namespace Alluxio.Worker.BlockStore;

/// <summary>One tier of the worker's store; tier 0 is the fastest.</summary>
public sealed record StorageTierOptions(int Ordinal, string Alias, IReadOnlyList<StorageDirOptions> Dirs);
