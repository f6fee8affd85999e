using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.UnderFs;

namespace Alluxio.Master.Sync;

/// <summary>Turns what a UFS reports into journal ops, and tells whether an inode still matches its UFS path.</summary>
internal static class UfsInodes
{
    /// <summary>The op that creates an inode for a UFS path under <paramref name="parentId"/>.</summary>
    public static JournalOp Create(long id, long parentId, string name, UfsStatus status, MountInfo mount, string ufsType, long nowMs, bool childrenLoaded)
    {
        var modified = status.LastModified?.ToUnixTimeMilliseconds() ?? nowMs;
        var mode = mount.Shared ? SharedMode(status.Mode) : status.Mode;
        var fingerprint = Fingerprint.Of(ufsType, status);
        if (status is UfsFileStatus file)
        {
            return new JournalOp
            {
                CreateFile = new InodeFileEntry
                {
                    Id = id,
                    ParentId = parentId,
                    Name = name,
                    CreationTimeMs = modified,
                    LastModificationTimeMs = modified,
                    Owner = status.Owner,
                    Group = status.Group,
                    Mode = mode,
                    PersistenceState = PersistenceState.Persisted,
                    BlockSizeBytes = file.BlockSize,
                    Length = file.ContentLength,
                    Completed = true,
                    Cacheable = true,
                    UfsFingerprint = fingerprint,
                    ReplicationMax = -1,
                    ReplicationDurable = 1,
                    Ttl = Inode.NoTtl,
                    TtlAction = TtlAction.Delete,
                },
            };
        }

        return new JournalOp
        {
            CreateDirectory = new InodeDirectoryEntry
            {
                Id = id,
                ParentId = parentId,
                Name = name,
                CreationTimeMs = modified,
                LastModificationTimeMs = modified,
                Owner = status.Owner,
                Group = status.Group,
                Mode = mode,
                PersistenceState = PersistenceState.Persisted,
                Ttl = Inode.NoTtl,
                TtlAction = TtlAction.Delete,
                DirectChildrenLoaded = childrenLoaded,
                UfsFingerprint = fingerprint,
            },
        };
    }

    /// <summary>The mode a --shared mount gives: the "other" bits take the owner's.</summary>
    public static int SharedMode(int mode) => mode | ((mode >> 6) & 0b111);

    /// <summary>How an inode compares with the status of its UFS path.</summary>
    public static SyncVerdict Compare(Inode inode, UfsStatus status, string ufsType)
    {
        if (inode.IsDirectory != status.IsDirectory)
        {
            return inode.IsPersisted ? SyncVerdict.Replace : SyncVerdict.Keep;
        }

        if (!inode.IsPersisted)
        {
            // Alluxio's own data not yet in the UFS (or a directory made only in Alluxio) wins until persisted.
            return SyncVerdict.Keep;
        }

        var fingerprint = Fingerprint.Of(ufsType, status);
        if (fingerprint == inode.UfsFingerprint)
        {
            return SyncVerdict.Keep;
        }

        if (inode is InodeFile file && status is UfsFileStatus ufsFile)
        {
            var known = Fingerprints.FingerprintFields.ContentHash(inode.UfsFingerprint);
            var contentChanged = known.Length > 0
                ? known != ufsFile.ContentHash || file.Length != ufsFile.ContentLength
                : file.Length != ufsFile.ContentLength;
            if (contentChanged)
            {
                return SyncVerdict.Replace;
            }
        }

        return SyncVerdict.UpdateMetadata;
    }

    /// <summary>The op that brings an unchanged inode's metadata up to the UFS's.</summary>
    public static JournalOp UpdateMetadata(Inode inode, UfsStatus status, MountInfo mount, string ufsType)
    {
        var update = new UpdateInodeEntry
        {
            Id = inode.Id,
            UfsFingerprint = Fingerprint.Of(ufsType, status),
            Mode = mount.Shared ? SharedMode(status.Mode) : status.Mode,
        };

        // A UFS with no owners (an object store, or a local file whose owner it does not report) keeps Alluxio's.
        if (status.Owner.Length > 0)
        {
            update.Owner = status.Owner;
        }

        if (status.Group.Length > 0)
        {
            update.Group = status.Group;
        }

        return new JournalOp { UpdateInode = update };
    }
}
