using Alluxio.Grpc;
using Alluxio.Master.Block;
using Alluxio.Master.Inodes;
using Alluxio.Paths;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master.Operations;

/// <summary>
/// Builds the FileInfo callers see for an inode, a file's with where its blocks are cached. Call under the tree's
/// read lock.
/// </summary>
public static class FileInfoFactory
{
    public static FileInfo Create(InodeTree tree, WorkerRegistry workers, Inode inode, AlluxioUri path)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(path);
        var mount = tree.Mounts.Resolve(path);
        var text = path.ToString();
        return Create(tree, workers, inode, text, mount, mount?.ToUfsText(text) ?? "");
    }

    /// <summary>
    /// Builds the FileInfo of an inode whose path, mount and UFS path the caller already knows (a listing works
    /// them out once per directory instead of once per entry).
    /// </summary>
    public static FileInfo Create(InodeTree tree, WorkerRegistry workers, Inode inode, string path, Mounts.MountInfo? mount, string ufsPath)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(inode);
        var info = new FileInfo
        {
            FileId = inode.Id,
            Name = inode.Name,
            Path = path,
            UfsPath = ufsPath,
            CreationTimeMs = inode.CreationTimeMs,
            LastModificationTimeMs = inode.LastModificationTimeMs,
            LastAccessTimeMs = inode.LastModificationTimeMs,
            Folder = inode.IsDirectory,
            Pinned = inode.Pinned,
            Persisted = inode.IsPersisted,
            PersistenceState = PersistenceStateName(inode.PersistenceState),
            Ttl = inode.Ttl,
            TtlAction = inode.TtlAction,
            Owner = inode.Owner,
            Group = inode.Group,
            Mode = inode.Mode,
            MountPoint = inode is InodeDirectory { IsMountPoint: true },
            MountId = mount?.MountId ?? 0,
            UfsFingerprint = inode.UfsFingerprint,
        };
        XAttrUpdate.CopyTo(inode.XAttr, info.Xattr);

        switch (inode)
        {
            case InodeFile file:
                info.Length = file.Length;
                info.BlockSizeBytes = file.BlockSizeBytes;
                info.Completed = file.Completed;
                info.Cacheable = file.Cacheable;
                info.BlockIds.AddRange(file.BlockIds);
                info.ReplicationMin = file.ReplicationMin;
                info.ReplicationMax = file.ReplicationMax;
                info.MediumType.AddRange(file.PinnedMedia);
                AddBlocks(info, file, workers);
                break;
            case InodeDirectory directory:
                // Alluxio reports a directory's child count as its length.
                info.Length = tree.Store.GetChildCount(directory);
                info.Completed = true;
                info.Cacheable = false;
                info.ReplicationMax = -1;
                break;
        }

        return info;
    }

    /// <summary>
    /// Adds each block with its offset and locations, and how much of the file is cached (in memory); an empty file
    /// is wholly "in Alluxio", as Alluxio reports.
    /// </summary>
    private static void AddBlocks(FileInfo info, InodeFile file, WorkerRegistry workers)
    {
        long cached = 0;
        long inMemory = 0;
        for (long i = 0; i < file.BlockCount; i++)
        {
            var block = FileBlockLayout.Describe(file, i, workers);
            info.FileBlockInfos.Add(new FileBlockInfo { BlockInfo = block, Offset = FileBlockLayout.OffsetOf(file, i) });
            if (block.Locations.Count > 0)
            {
                cached += block.Length;
            }

            if (block.Locations.Any(l => l.TierAlias == BlockLocationEntry.MemoryTier))
            {
                inMemory += block.Length;
            }
        }

        info.InAlluxioPercentage = Percent(cached, file.Length);
        info.InMemoryPercentage = Percent(inMemory, file.Length);
    }

    private static int Percent(long part, long whole) => whole <= 0 ? 100 : (int)(part * 100 / whole);

    /// <summary>Alluxio's names for the persistence states, as FileInfo carries them.</summary>
    public static string PersistenceStateName(Grpc.PersistenceState state) => state switch
    {
        Grpc.PersistenceState.Persisted => "PERSISTED",
        Grpc.PersistenceState.ToBePersisted => "TO_BE_PERSISTED",
        Grpc.PersistenceState.Lost => "LOST",
        _ => "NOT_PERSISTED",
    };
}
