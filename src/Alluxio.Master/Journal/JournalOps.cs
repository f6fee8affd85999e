using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Jobs;
using Alluxio.Master.Mounts;

namespace Alluxio.Master.Journal;

/// <summary>Builds the journal ops that describe existing state (for checkpoints and mount changes).</summary>
public static class JournalOps
{
    /// <summary>The op that creates <paramref name="inode"/> as it is now.</summary>
    public static JournalOp Create(Inode inode)
    {
        ArgumentNullException.ThrowIfNull(inode);
        var op = inode switch
        {
            InodeDirectory d => new JournalOp
            {
                CreateDirectory = new InodeDirectoryEntry
                {
                    Id = d.Id,
                    ParentId = d.ParentId,
                    Name = d.Name,
                    CreationTimeMs = d.CreationTimeMs,
                    LastModificationTimeMs = d.LastModificationTimeMs,
                    Owner = d.Owner,
                    Group = d.Group,
                    Mode = d.Mode,
                    PersistenceState = d.PersistenceState,
                    MountPoint = d.IsMountPoint,
                    Ttl = d.Ttl,
                    TtlAction = d.TtlAction,
                    DirectChildrenLoaded = d.DirectChildrenLoaded,
                    UfsFingerprint = d.UfsFingerprint,
                    Pinned = d.Pinned,
                },
            },
            InodeFile f => new JournalOp
            {
                CreateFile = new InodeFileEntry
                {
                    Id = f.Id,
                    ParentId = f.ParentId,
                    Name = f.Name,
                    CreationTimeMs = f.CreationTimeMs,
                    LastModificationTimeMs = f.LastModificationTimeMs,
                    Owner = f.Owner,
                    Group = f.Group,
                    Mode = f.Mode,
                    PersistenceState = f.PersistenceState,
                    BlockSizeBytes = f.BlockSizeBytes,
                    Length = f.Length,
                    Completed = f.Completed,
                    Cacheable = f.Cacheable,
                    UfsFingerprint = f.UfsFingerprint,
                    ReplicationMin = f.ReplicationMin,
                    ReplicationMax = f.ReplicationMax,
                    ReplicationDurable = f.ReplicationDurable,
                    Ttl = f.Ttl,
                    TtlAction = f.TtlAction,
                    Pinned = f.Pinned,
                    PinnedMedia = { f.PinnedMedia },
                },
            },
            _ => throw new ArgumentException($"Unknown inode kind {inode.GetType().Name}.", nameof(inode)),
        };
        XAttrUpdate.CopyTo(inode.XAttr, op.CreateDirectory?.XAttr ?? op.CreateFile.XAttr);
        return op;
    }

    public static AddMountPointEntry AddMountPoint(MountInfo mount)
    {
        ArgumentNullException.ThrowIfNull(mount);
        return new AddMountPointEntry
        {
            AlluxioPath = mount.AlluxioPath.ToString(),
            UfsPath = mount.UfsUri.ToString(),
            MountId = mount.MountId,
            ReadOnly = mount.ReadOnly,
            Shared = mount.Shared,
            Properties = { mount.Properties.ToDictionary(StringComparer.Ordinal) },
        };
    }

    public static FreeJobEntry FreeJob(FreeJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new FreeJobEntry { JobId = job.JobId, FileIds = { job.FileIds } };
    }

    public static LoadJobEntry LoadJob(LoadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new LoadJobEntry { JobId = job.JobId, Path = job.Path, PreferredHost = job.PreferredHost };
    }
}
