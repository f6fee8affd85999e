using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Jobs;
using Alluxio.Master.Mounts;
using Alluxio.Paths;
using Google.Protobuf;

namespace Alluxio.Master.Journal;

/// <summary>
/// The one deterministic function that changes master state: it applies committed journal entries to the inode
/// tree and the mount table, and writes and reads checkpoints. It never calls a UFS.
/// </summary>
public sealed class NamespaceStateMachine : IJournalStateMachine
{
    /// <summary>How many ops a checkpoint packs into one of its entries.</summary>
    private const int CheckpointBatchSize = 1024;

    private readonly InodeTree _tree;
    private readonly RecentOperations _recentOperations;
    private readonly IFileRemovalListener? _removals;

    public NamespaceStateMachine(InodeTree tree, RecentOperations recentOperations, IFileRemovalListener? removals = null)
    {
        _tree = tree;
        _recentOperations = recentOperations;
        _removals = removals;
    }

    public void Apply(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using (_tree.WriteLocked())
        {
            foreach (var op in entry.Ops)
            {
                ApplyOp(op);
            }
        }

        if (entry.OperationId.Length > 0)
        {
            _recentOperations.Add(entry.OperationId);
        }
    }

    public async Task WriteCheckpointAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);

        // Applies never run during a checkpoint, so the tree holds still without its lock; readers may go on.
        var batch = new JournalEntry();
        foreach (var mount in _tree.Mounts.All.OrderBy(m => m.AlluxioPath.Path, StringComparer.Ordinal))
        {
            batch.Ops.Add(new JournalOp { AddMountPoint = JournalOps.AddMountPoint(mount) });
        }

        if (_tree.Root is { } root)
        {
            var directories = new Queue<InodeDirectory>();
            batch.Ops.Add(JournalOps.Create(root));
            directories.Enqueue(root);
            while (directories.TryDequeue(out var directory))
            {
                foreach (var child in _tree.Store.GetChildren(directory))
                {
                    batch.Ops.Add(JournalOps.Create(child));
                    if (child is InodeDirectory childDirectory)
                    {
                        directories.Enqueue(childDirectory);
                    }

                    if (batch.Ops.Count >= CheckpointBatchSize)
                    {
                        batch.WriteDelimitedTo(destination);
                        batch = new JournalEntry();
                        await Task.Yield();
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }
        }

        // Jobs last: a free names files, so they exist when it applies.
        foreach (var job in _tree.Jobs.FreeJobs.OrderBy(j => j.JobId))
        {
            batch.Ops.Add(new JournalOp { FreeJob = JournalOps.FreeJob(job) });
        }

        foreach (var job in _tree.Jobs.LoadJobs.OrderBy(j => j.JobId))
        {
            batch.Ops.Add(new JournalOp { LoadJob = JournalOps.LoadJob(job) });
        }

        if (batch.Ops.Count > 0)
        {
            batch.WriteDelimitedTo(destination);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        Reset();
        var reader = new DelimitedEntryReader(source);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } entry)
        {
            Apply(entry);
        }
    }

    public void Reset()
    {
        using (_tree.WriteLocked())
        {
            _tree.Store.Clear();
            _tree.Mounts.Clear();
            _tree.InodesWithTtl.Clear();
            _tree.FilesToPersist.Clear();
            _tree.PinnedFiles.Clear();
            _tree.Jobs.Clear();
            _tree.Root = null;
            _tree.ResetCounters();
        }

        _recentOperations.Clear();
    }

    private void ApplyOp(JournalOp op)
    {
        switch (op.OpCase)
        {
            case JournalOp.OpOneofCase.CreateDirectory:
                ApplyCreateDirectory(op.CreateDirectory);
                break;
            case JournalOp.OpOneofCase.CreateFile:
                ApplyCreateFile(op.CreateFile);
                break;
            case JournalOp.OpOneofCase.UpdateInode:
                ApplyUpdate(op.UpdateInode);
                break;
            case JournalOp.OpOneofCase.DeleteInode:
                ApplyDelete(op.DeleteInode);
                break;
            case JournalOp.OpOneofCase.Rename:
                ApplyRename(op.Rename);
                break;
            case JournalOp.OpOneofCase.AddMountPoint:
            case JournalOp.OpOneofCase.UpdateMountPoint:
                ApplyMount(op.OpCase == JournalOp.OpOneofCase.AddMountPoint ? op.AddMountPoint : op.UpdateMountPoint);
                break;
            case JournalOp.OpOneofCase.DeleteMountPoint:
                _tree.Mounts.Remove(AlluxioUri.Parse(op.DeleteMountPoint.AlluxioPath));
                break;
            case JournalOp.OpOneofCase.FreeJob:
                _tree.Jobs.AddFree(new FreeJob(op.FreeJob.JobId, [.. op.FreeJob.FileIds]));
                break;
            case JournalOp.OpOneofCase.FreeJobDone:
                _tree.Jobs.RemoveFree(op.FreeJobDone.JobId);
                break;
            case JournalOp.OpOneofCase.LoadJob:
                _tree.Jobs.AddLoad(new LoadJob(op.LoadJob.JobId, op.LoadJob.Path, op.LoadJob.PreferredHost));
                break;
            case JournalOp.OpOneofCase.LoadJobDone:
                _tree.Jobs.RemoveLoad(op.LoadJobDone.JobId);
                break;
            default:
                throw new InvalidOperationException($"The journal holds an op of unknown kind {op.OpCase}; this master is older than the journal.");
        }
    }

    private void ApplyCreateDirectory(InodeDirectoryEntry e)
    {
        var directory = new InodeDirectory(e.Id, e.ParentId, e.Name, e.CreationTimeMs)
        {
            LastModificationTimeMs = e.LastModificationTimeMs == 0 ? e.CreationTimeMs : e.LastModificationTimeMs,
            Owner = e.Owner,
            Group = e.Group,
            Mode = e.Mode,
            PersistenceState = Known(e.PersistenceState),
            IsMountPoint = e.MountPoint,
            Ttl = e.Ttl == 0 ? Inode.NoTtl : e.Ttl,
            TtlAction = Known(e.TtlAction),
            DirectChildrenLoaded = e.DirectChildrenLoaded,
            UfsFingerprint = e.UfsFingerprint,
            Pinned = e.Pinned,
            XAttr = XAttrOf(e.XAttr),
        };
        AddInode(directory);
    }

    private void ApplyCreateFile(InodeFileEntry e)
    {
        var file = new InodeFile(e.Id, e.ParentId, e.Name, e.CreationTimeMs, e.BlockSizeBytes)
        {
            LastModificationTimeMs = e.LastModificationTimeMs == 0 ? e.CreationTimeMs : e.LastModificationTimeMs,
            Owner = e.Owner,
            Group = e.Group,
            Mode = e.Mode,
            PersistenceState = Known(e.PersistenceState),
            Length = e.Length,
            Completed = e.Completed,
            Cacheable = e.Cacheable,
            UfsFingerprint = e.UfsFingerprint,
            ReplicationMin = e.ReplicationMin,
            ReplicationMax = e.ReplicationMax,
            ReplicationDurable = e.ReplicationDurable,
            Ttl = e.Ttl == 0 ? Inode.NoTtl : e.Ttl,
            TtlAction = Known(e.TtlAction),
            Pinned = e.Pinned,
            PinnedMedia = [.. e.PinnedMedia],
            XAttr = XAttrOf(e.XAttr),
        };
        AddInode(file);
    }

    private static Dictionary<string, Google.Protobuf.ByteString> XAttrOf(IDictionary<string, Google.Protobuf.ByteString> entries) =>
        new(entries, StringComparer.Ordinal);

    private void AddInode(Inode inode)
    {
        if (inode.ParentId < 0)
        {
            if (_tree.Root is not null)
            {
                throw new InvalidOperationException("The journal creates a second root directory.");
            }

            _tree.Store.Add(inode);
            _tree.Root = (InodeDirectory)inode;
        }
        else
        {
            if (_tree.Store.GetById(inode.ParentId) is not InodeDirectory parent)
            {
                throw new InvalidOperationException($"The journal creates {inode.Name} under inode {inode.ParentId}, which is not a directory.");
            }

            if (_tree.Store.GetChild(parent, inode.Name) is not null)
            {
                throw new InvalidOperationException($"The journal creates {inode.Name} under inode {inode.ParentId}, which already has it.");
            }

            // Alluxio's inherit.owner.and.group: a path loaded from a UFS that names no owner (Kodo never does)
            // takes its parent's owner and group.
            if (inode.Owner.Length == 0 && inode.Group.Length == 0)
            {
                inode.Owner = parent.Owner;
                inode.Group = parent.Group;
            }

            _tree.Store.Add(inode);
            parent.LastModificationTimeMs = Math.Max(parent.LastModificationTimeMs, inode.CreationTimeMs);
        }

        _tree.NoteInodeId(inode.Id);
        NoteTtl(inode);
        NotePersistence(inode);
        NotePin(inode);
    }

    private void ApplyUpdate(UpdateInodeEntry e)
    {
        var inode = _tree.Store.GetById(e.Id) ?? throw new InvalidOperationException($"The journal updates inode {e.Id}, which does not exist.");
        if (e.HasLastModificationTimeMs)
        {
            inode.LastModificationTimeMs = e.LastModificationTimeMs;
        }

        if (e.HasPersistenceState)
        {
            inode.PersistenceState = Known(e.PersistenceState);
        }

        if (e.HasUfsFingerprint)
        {
            inode.UfsFingerprint = e.UfsFingerprint;
        }

        if (e.HasPinned)
        {
            inode.Pinned = e.Pinned;
            NotePin(inode);
        }

        if (e.HasMode)
        {
            inode.Mode = e.Mode;
        }

        if (e.HasOwner)
        {
            inode.Owner = e.Owner;
        }

        if (e.HasGroup)
        {
            inode.Group = e.Group;
        }

        if (e.HasTtl)
        {
            inode.Ttl = e.Ttl;
        }

        if (e.HasTtlAction)
        {
            inode.TtlAction = Known(e.TtlAction);
        }

        if (e.UpdateXAttr)
        {
            inode.XAttr = XAttrUpdate.Apply(inode.XAttr, e.XAttr, e.XAttrUpdateStrategy);
        }

        if (inode is InodeFile file)
        {
            if (e.HasLength)
            {
                file.Length = e.Length;
            }

            if (e.HasCompleted)
            {
                file.Completed = e.Completed;
            }

            if (e.HasReplicationMin)
            {
                file.ReplicationMin = e.ReplicationMin;
            }

            if (e.HasReplicationMax)
            {
                file.ReplicationMax = e.ReplicationMax;
            }

            if (e.SetPinnedMedia)
            {
                file.PinnedMedia = [.. e.PinnedMedia];
            }
        }
        else if (inode is InodeDirectory directory && e.HasDirectChildrenLoaded)
        {
            directory.DirectChildrenLoaded = e.DirectChildrenLoaded;
        }

        NoteTtl(inode);
        NotePersistence(inode);
    }

    private void ApplyDelete(DeleteInodeEntry e)
    {
        var inode = _tree.Store.GetById(e.Id) ?? throw new InvalidOperationException($"The journal deletes inode {e.Id}, which does not exist.");
        if (inode.ParentId < 0)
        {
            throw new InvalidOperationException("The journal deletes the root directory.");
        }

        if (_tree.Store.GetById(inode.ParentId) is InodeDirectory parent)
        {
            parent.LastModificationTimeMs = Math.Max(parent.LastModificationTimeMs, e.OpTimeMs);
        }

        // Children first, without recursion, so a deep tree cannot overflow the stack.
        var pending = new Stack<(Inode Inode, bool ChildrenQueued)>();
        pending.Push((inode, false));
        while (pending.TryPop(out var item))
        {
            if (item.Inode is InodeDirectory directory && !item.ChildrenQueued && _tree.Store.GetChildCount(directory) > 0)
            {
                pending.Push((directory, true));
                foreach (var child in _tree.Store.GetChildren(directory))
                {
                    pending.Push((child, false));
                }

                continue;
            }

            _tree.Store.Remove(item.Inode);
            _tree.InodesWithTtl.Remove(item.Inode.Id);
            if (item.Inode is InodeFile)
            {
                _tree.FilesToPersist.Remove(item.Inode.Id);
                _tree.PinnedFiles.Remove(item.Inode.Id);
                _removals?.OnFileRemoved(item.Inode.Id);
            }
        }
    }

    private void ApplyRename(RenameEntry e)
    {
        var inode = _tree.Store.GetById(e.Id) ?? throw new InvalidOperationException($"The journal renames inode {e.Id}, which does not exist.");
        if (_tree.Store.GetById(e.NewParentId) is not InodeDirectory newParent)
        {
            throw new InvalidOperationException($"The journal moves inode {e.Id} under {e.NewParentId}, which is not a directory.");
        }

        if (_tree.Store.GetChild(newParent, e.NewName) is not null)
        {
            throw new InvalidOperationException($"The journal moves inode {e.Id} onto {e.NewName}, which exists.");
        }

        if (_tree.Store.GetById(inode.ParentId) is InodeDirectory oldParent)
        {
            oldParent.LastModificationTimeMs = Math.Max(oldParent.LastModificationTimeMs, e.OpTimeMs);
        }

        _tree.Store.Move(inode, newParent, e.NewName);
        newParent.LastModificationTimeMs = Math.Max(newParent.LastModificationTimeMs, e.OpTimeMs);
    }

    private void ApplyMount(AddMountPointEntry e)
    {
        var mount = new MountInfo(
            AlluxioUri.Parse(e.AlluxioPath),
            AlluxioUri.Parse(e.UfsPath),
            e.MountId,
            e.ReadOnly,
            e.Shared,
            e.Properties.ToDictionary(StringComparer.Ordinal));
        _tree.Mounts.Add(mount);
        _tree.NoteMountId(e.MountId);
    }

    private void NoteTtl(Inode inode)
    {
        if (inode.Ttl >= 0)
        {
            _tree.InodesWithTtl.Add(inode.Id);
        }
        else
        {
            _tree.InodesWithTtl.Remove(inode.Id);
        }
    }

    private void NotePersistence(Inode inode)
    {
        if (inode is InodeFile { Completed: true, PersistenceState: PersistenceState.ToBePersisted })
        {
            _tree.FilesToPersist.Add(inode.Id);
        }
        else
        {
            _tree.FilesToPersist.Remove(inode.Id);
        }
    }

    private void NotePin(Inode inode)
    {
        if (inode is InodeFile { Pinned: true })
        {
            _tree.PinnedFiles.Add(inode.Id);
        }
        else
        {
            _tree.PinnedFiles.Remove(inode.Id);
        }
    }

    private static PersistenceState Known(PersistenceState state) =>
        state == PersistenceState.Unspecified ? PersistenceState.NotPersisted : state;

    private static TtlAction Known(TtlAction action) => action == TtlAction.Unspecified ? TtlAction.Delete : action;
}
