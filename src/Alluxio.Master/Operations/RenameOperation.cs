using Alluxio.Errors;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.Master.Sync;
using Alluxio.Paths;

namespace Alluxio.Master.Operations;

/// <summary>rename: in Alluxio and, for a persisted path, in the UFS (copy and delete on an object store).</summary>
public sealed class RenameOperation
{
    private readonly NamespaceContext _context;
    private readonly MetadataSync _sync;

    public RenameOperation(NamespaceContext context, MetadataSync sync)
    {
        _context = context;
        _sync = sync;
    }

    private InodeTree Tree => _context.Tree;

    public async Task RenameAsync(AlluxioUri source, AlluxioUri destination, CallContext call, CancellationToken cancellationToken)
    {
        if (source.IsRoot || destination.IsRoot)
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"Cannot rename {source} to {destination}: the root directory cannot be renamed or replaced.");
        }

        if (source.IsAncestorOf(destination))
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"Cannot rename because {source} is a prefix of {destination}");
        }

        await _sync.PrepareAsync(source, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        await _sync.PrepareAsync(destination, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (await _context.Locks.LockAsync([source, destination], cancellationToken).ConfigureAwait(false))
        {
            Inode inode;
            InodeDirectory newParent;
            MountInfo mount;
            using (Tree.ReadLocked())
            {
                inode = Tree.Resolve(source).Target ?? throw NamespaceErrors.PathDoesNotExist(source);
                var target = Tree.Resolve(destination);
                if (target.Exists)
                {
                    throw new AlluxioException(ErrorType.FileAlreadyExists, $"Cannot rename because destination already exists. src: {source} dst: {destination}");
                }

                newParent = target.Parent ?? throw new AlluxioException(
                    ErrorType.FileDoesNotExist, $"Cannot rename {source} to {destination}: the destination's parent {destination.Parent} does not exist or is a file.");
                if (Tree.Mounts.IsMountPoint(source) || Tree.Mounts.Below(source).Any())
                {
                    throw new AlluxioException(ErrorType.InvalidPath, $"Cannot rename {source}: it is or contains a mount point; unmount it and mount it again at {destination}.");
                }

                mount = Tree.Mounts.Resolve(source)!;
                if (Tree.Mounts.Resolve(destination)!.MountId != mount.MountId)
                {
                    throw new AlluxioException(ErrorType.InvalidPath, $"Renaming {source} to {destination} is a cross mount operation");
                }

                if (mount.ReadOnly)
                {
                    throw NamespaceErrors.ReadOnlyMount(source, mount);
                }
            }

            var entry = new JournalEntry { OperationId = call.OperationId };
            if (inode.IsPersisted)
            {
                var ufs = _context.Ufs.Get(mount);
                entry.Ops.AddRange(await UfsDirectories.PersistAsync(Tree, ufs, mount, destination.Parent!, cancellationToken).ConfigureAwait(false));
                var from = mount.ToUfs(source).ToString();
                var to = mount.ToUfs(destination).ToString();
                var renamed = inode.IsDirectory
                    ? await ufs.RenameDirectoryAsync(from, to, cancellationToken).ConfigureAwait(false)
                    : await ufs.RenameFileAsync(from, to, cancellationToken).ConfigureAwait(false);
                if (!renamed)
                {
                    throw new AlluxioException(ErrorType.FailedPrecondition, $"Failed to rename {from} to {to} in the under file system; nothing changed in Alluxio.");
                }
            }

            entry.Ops.Add(new JournalOp { Rename = new RenameEntry { Id = inode.Id, NewParentId = newParent.Id, NewName = destination.Name, OpTimeMs = _context.NowMs } });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
