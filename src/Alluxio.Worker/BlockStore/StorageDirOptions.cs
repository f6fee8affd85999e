namespace Alluxio.Worker.BlockStore;

/// <summary>One folder of a tier: where it is, its medium and how many bytes of blocks it may hold.</summary>
/// <param name="Path">The folder named in <c>alluxio.worker.tieredstore.level{n}.dirs.path</c>.</param>
/// <param name="DataPath">The folder that holds the blocks: <paramref name="Path"/> joined with <c>alluxio.worker.data.folder</c>.</param>
public sealed record StorageDirOptions(string Path, string MediumType, long Quota, string DataPath);
