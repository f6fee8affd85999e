using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Inodes;

namespace Alluxio.Master.Block;

/// <summary>Where a file's blocks lie in it, from its length and block size: all full but the last.</summary>
public static class FileBlockLayout
{
    public static long OffsetOf(InodeFile file, long index)
    {
        ArgumentNullException.ThrowIfNull(file);
        return index * file.BlockSizeBytes;
    }

    public static long LengthOf(InodeFile file, long index)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Math.Min(file.BlockSizeBytes, file.Length - OffsetOf(file, index));
    }

    /// <summary>Block <paramref name="index"/> of the file with where it is cached.</summary>
    public static BlockInfo Describe(InodeFile file, long index, WorkerRegistry workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var blockId = InodeIds.BlockId(file.Id, index);
        var info = new BlockInfo { BlockId = blockId, Length = LengthOf(file, index) };
        foreach (var location in workers.LocationsOf(blockId))
        {
            info.Locations.Add(location.ToProto());
        }

        return info;
    }
}
