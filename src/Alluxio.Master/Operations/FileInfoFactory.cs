using Alluxio.Master.Inodes;
using Alluxio.Paths;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master.Operations;

/// <summary>Builds the FileInfo callers see for an inode. Call under the tree's read lock.</summary>
public static class FileInfoFactory
{
    public static FileInfo Create(InodeTree tree, Inode inode, AlluxioUri path)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(path);
        var mount = tree.Mounts.Resolve(path);
        var text = path.ToString();
        return Create(tree, inode, text, mount, mount?.ToUfsText(text) ?? "");
    }

    /// <summary>
    /// Builds the FileInfo of an inode whose path, mount and UFS path the caller already knows (a listing works
    /// them out once per directory instead of once per entry).
    /// </summary>
    public static FileInfo Create(InodeTree tree, Inode inode, string path, Mounts.MountInfo? mount, string ufsPath)
    {
        ArgumentNullException.ThrowIfNull(tree);
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

                // Nothing is cached until workers exist; an empty file is wholly "in Alluxio", as Alluxio reports.
                info.InAlluxioPercentage = file.Length == 0 ? 100 : 0;
                info.InMemoryPercentage = info.InAlluxioPercentage;
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

    /// <summary>Alluxio's names for the persistence states, as FileInfo carries them.</summary>
    public static string PersistenceStateName(Grpc.PersistenceState state) => state switch
    {
        Grpc.PersistenceState.Persisted => "PERSISTED",
        Grpc.PersistenceState.ToBePersisted => "TO_BE_PERSISTED",
        Grpc.PersistenceState.Lost => "LOST",
        _ => "NOT_PERSISTED",
    };
}
