using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Commands;
using Alluxio.Master.Inodes;
using Alluxio.Master.Sync;
using Alluxio.Paths;

namespace Alluxio.Master.Operations;

/// <summary>setAttribute, free and scheduleAsyncPersistence: changes to inodes that leave the namespace's shape alone.</summary>
public sealed class AttributeOperations
{
    private readonly NamespaceContext _context;
    private readonly MetadataSync _sync;
    private readonly FreeJobTracker _frees;

    public AttributeOperations(NamespaceContext context, MetadataSync sync, FreeJobTracker frees)
    {
        _context = context;
        _sync = sync;
        _frees = frees;
    }

    private InodeTree Tree => _context.Tree;

    public async Task SetAttributeAsync(AlluxioUri path, SetAttributePOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var common = options.CommonOptions;
        if (options.HasReplicationMin && options.HasReplicationMax && options.ReplicationMax >= 0 && options.ReplicationMin > options.ReplicationMax)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"Cannot set the minimum replication ({options.ReplicationMin}) above the maximum ({options.ReplicationMax}) of {path}.");
        }

        await _sync.PrepareAsync(path, call, options.Recursive ? DescendantType.All : DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var entry = new JournalEntry { OperationId = call.OperationId };
            using (Tree.ReadLocked())
            {
                var inode = Tree.Resolve(path).Target ?? throw NamespaceErrors.PathDoesNotExist(path);
                if (options.HasOwner || options.HasGroup || options.HasMode || options.HasPersisted)
                {
                    NamespaceErrors.ThrowIfReadOnly(Tree, path);
                }

                // As in Alluxio, pinning or unpinning a directory always reaches everything below it; the other
                // attributes go below only when the call is recursive.
                foreach (var target in options.Recursive || options.HasPinned ? Subtree(inode) : [inode])
                {
                    var update = new UpdateInodeEntry { Id = target.Id };
                    if (options.HasPinned)
                    {
                        update.Pinned = options.Pinned;
                        if (target is InodeFile)
                        {
                            update.SetPinnedMedia = true;
                            update.PinnedMedia.AddRange(options.Pinned ? options.PinnedMedia : []);
                        }
                    }

                    if (!options.Recursive && target != inode)
                    {
                        entry.Ops.Add(new JournalOp { UpdateInode = update });
                        continue;
                    }

                    if (options.HasOwner)
                    {
                        update.Owner = options.Owner;
                    }

                    if (options.HasGroup)
                    {
                        update.Group = options.Group;
                    }

                    // An empty set changes nothing, but for TRUNCATE, which clears.
                    if (options.Xattr.Count > 0 || options.XattrUpdateStrategy == XAttrUpdateStrategy.Truncate)
                    {
                        update.UpdateXAttr = true;
                        update.XAttr.Add(options.Xattr);
                        update.XAttrUpdateStrategy = options.XattrUpdateStrategy;
                    }

                    if (options.HasMode)
                    {
                        update.Mode = options.Mode & 0b111_111_111;
                    }

                    if (options.HasPersisted && options.Persisted && target is InodeFile)
                    {
                        update.PersistenceState = PersistenceState.Persisted;
                    }

                    if (options.HasReplicationMin && target is InodeFile)
                    {
                        update.ReplicationMin = options.ReplicationMin;
                    }

                    if (options.HasReplicationMax && target is InodeFile)
                    {
                        update.ReplicationMax = options.ReplicationMax;
                    }

                    if (common?.HasTtl == true)
                    {
                        update.Ttl = common.Ttl;
                        update.TtlAction = common.HasTtlAction ? common.TtlAction : TtlAction.Delete;
                    }

                    entry.Ops.Add(new JournalOp { UpdateInode = update });
                }
            }

            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Frees a path's blocks from Alluxio storage. The checks are Alluxio's; forced frees unpin. When workers hold
    /// blocks of the files, a free job is journaled with the unpinning, so the blocks still go from workers that
    /// re-register after a master restart, and the holders known now are told at once.
    /// </summary>
    public async Task FreeAsync(AlluxioUri path, FreePOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await _sync.PrepareAsync(path, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var entry = new JournalEntry { OperationId = call.OperationId };
            var fileIds = new List<long>();
            using (Tree.ReadLocked())
            {
                var inode = Tree.Resolve(path).Target ?? throw NamespaceErrors.PathDoesNotExist(path);
                if (inode is InodeDirectory directory && Tree.Store.GetChildCount(directory) > 0 && !options.Recursive)
                {
                    throw new AlluxioException(ErrorType.InvalidArgument, $"Cannot free directory {path} which is not empty. Please set the \"recursive\" flag");
                }

                foreach (var target in Subtree(inode))
                {
                    if (target is not InodeFile file)
                    {
                        continue;
                    }

                    if (file.Pinned)
                    {
                        if (!options.Forced)
                        {
                            throw new AlluxioException(ErrorType.FailedPrecondition, $"Cannot free file {Tree.GetPath(file)} which is pinned. Please unpin it first or set the forced flag");
                        }

                        entry.Ops.Add(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = file.Id, Pinned = false, SetPinnedMedia = true } });
                    }

                    if (!file.IsPersisted && file.Length > 0)
                    {
                        throw new AlluxioException(ErrorType.FailedPrecondition, $"Cannot free file {Tree.GetPath(file)} which is not persisted");
                    }

                    if (_context.Workers.HoldsBlocksOf(file.Id))
                    {
                        fileIds.Add(file.Id);
                    }
                }
            }

            if (fileIds.Count > 0)
            {
                var jobId = Tree.Jobs.NextJobId();
                _frees.OnStarting(jobId);
                entry.Ops.Add(new JournalOp { FreeJob = new FreeJobEntry { JobId = jobId, FileIds = { fileIds } } });
            }

            if (entry.Ops.Count > 0)
            {
                await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }

            _context.Workers.RemoveBlocksOfFiles(fileIds);
        }
    }

    public async Task ScheduleAsyncPersistenceAsync(AlluxioUri path, CallContext call, CancellationToken cancellationToken)
    {
        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var entry = new JournalEntry { OperationId = call.OperationId };
            using (Tree.ReadLocked())
            {
                var file = Tree.Resolve(path).Target switch
                {
                    InodeFile f => f,
                    null => throw NamespaceErrors.PathDoesNotExist(path),
                    _ => throw new AlluxioException(ErrorType.InvalidPath, $"Cannot persist {path}: it is a directory."),
                };
                if (!file.Completed)
                {
                    throw new AlluxioException(ErrorType.FailedPrecondition, $"Cannot persist {path}: the file is not complete.");
                }

                if (file.PersistenceState != PersistenceState.NotPersisted)
                {
                    return;
                }

                NamespaceErrors.ThrowIfReadOnly(Tree, path);
                entry.Ops.Add(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = file.Id, PersistenceState = PersistenceState.ToBePersisted } });
            }

            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The inode and everything below it. Call under the read lock.</summary>
    private List<Inode> Subtree(Inode inode)
    {
        var result = new List<Inode>();
        var pending = new Stack<Inode>();
        pending.Push(inode);
        while (pending.TryPop(out var current))
        {
            result.Add(current);
            if (current is InodeDirectory directory)
            {
                foreach (var child in Tree.Store.GetChildren(directory))
                {
                    pending.Push(child);
                }
            }
        }

        return result;
    }
}
