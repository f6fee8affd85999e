using Alluxio.Fingerprints;
using Alluxio.Grpc;
using Alluxio.Ids;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Client.Data;

/// <summary>The layout of a file's blocks: where each starts, how long it is, its id and what the master knows of it.</summary>
internal sealed class FileBlocks(FileInfo file)
{
    public FileInfo File { get; } = file;

    public long Length => File.Length;

    public long BlockSize => File.BlockSizeBytes > 0 ? File.BlockSizeBytes : long.MaxValue;

    /// <summary>How many blocks the file has.</summary>
    public int Count => Length == 0 ? 0 : IndexAt(Length - 1) + 1;

    public int IndexAt(long position) => (int)(position / BlockSize);

    public long StartOf(int index) => index * BlockSize;

    public long LengthOf(int index) => Math.Min(BlockSize, Length - StartOf(index));

    /// <summary>A block's id follows from the file's id (decision 0017); the master's lists say the same.</summary>
    public long IdOf(int index) => InodeIds.BlockId(File.FileId, index);

    public BlockInfo? InfoOf(int index) => index < File.FileBlockInfos.Count ? File.FileBlockInfos[index].BlockInfo : null;

    /// <summary>Where a worker finds block <paramref name="index"/> in the UFS, or null when the file is not persisted.</summary>
    public OpenUfsBlockOptions? UfsOptions(int index, bool noCache, string user, int maxConcurrency) =>
        !File.Persisted ? null : new OpenUfsBlockOptions
        {
            UfsPath = File.UfsPath,
            OffsetInFile = StartOf(index),
            BlockSize = LengthOf(index),
            MountId = File.MountId,
            NoCache = noCache,
            User = user,
            MaxUfsReadConcurrency = maxConcurrency,
            ContentHash = FingerprintFields.ContentHash(File.UfsFingerprint),
        };
}
