using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using Alluxio.UnderFs.Options;

namespace Alluxio.Master.Operations;

/// <summary>delete: from Alluxio and, unless alluxioOnly, from the UFS.</summary>
public sealed class DeleteOperation
{
    private readonly NamespaceContext _context;
    private readonly MetadataSync _sync;

    public DeleteOperation(NamespaceContext context, MetadataSync sync)
    {
        _context = context;
        _sync = sync;
    }

    private InodeTree Tree => _context.Tree;

    public async Task DeleteAsync(AlluxioUri path, DeletePOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (path.IsRoot)
        {
            throw new AlluxioException(ErrorType.InvalidPath, "Cannot delete the root directory.");
        }

        // A checked recursive delete first learns the whole subtree, so it can tell what in the UFS it would remove.
        var checkedSubtree = options.Recursive && !options.Unchecked && !options.AlluxioOnly;
        await _sync.PrepareAsync(path, call, checkedSubtree ? DescendantType.All : DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            Inode inode;
            MountInfo mount;
            List<MountInfo> nested;
            using (Tree.ReadLocked())
            {
                inode = Tree.Resolve(path).Target ?? throw NamespaceErrors.PathDoesNotExist(path);
                mount = Tree.Mounts.Resolve(path)!;
                nested = [.. Tree.Mounts.Below(path)];
                if (Tree.Mounts.IsMountPoint(path))
                {
                    nested.Insert(0, mount);
                    mount = Tree.Mounts.Resolve(path.Parent!)!;
                }

                if (inode is InodeDirectory directory && Tree.Store.GetChildCount(directory) > 0 && !options.Recursive)
                {
                    throw new AlluxioException(ErrorType.DirectoryNotEmpty, $"Cannot delete non-empty directory {path} because recursive is set to false.");
                }
            }

            if (nested.Count > 0 && !options.DeleteMountPoint)
            {
                throw new AlluxioException(
                    ErrorType.FailedPrecondition,
                    $"Cannot delete {path}: it is or contains the mount point {nested[0].AlluxioPath}; unmount it first or delete with the deleteMountPoint option.");
            }

            var entry = new JournalEntry { OperationId = call.OperationId };
            var deletesUfs = !options.AlluxioOnly && inode.IsPersisted && !Tree.Mounts.IsMountPoint(path);
            if (deletesUfs)
            {
                if (mount.ReadOnly)
                {
                    throw NamespaceErrors.ReadOnlyMount(path, mount);
                }

                if (!options.Unchecked)
                {
                    await CheckInSyncAsync(path, inode, mount, cancellationToken).ConfigureAwait(false);
                }

                await DeleteInUfsAsync(path, inode, mount, cancellationToken).ConfigureAwait(false);
            }

            // A nested mount goes from Alluxio only; its UFS data stays, as with unmount.
            foreach (var m in nested)
            {
                entry.Ops.Add(new JournalOp { DeleteMountPoint = new DeleteMountPointEntry { AlluxioPath = m.AlluxioPath.ToString() } });
            }

            entry.Ops.Add(new JournalOp { DeleteInode = new DeleteInodeEntry { Id = inode.Id, OpTimeMs = _context.NowMs } });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            foreach (var m in nested)
            {
                await _context.Ufs.ReleaseAsync(m.MountId).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Alluxio's safe delete: refuses when the UFS holds, under the path, something Alluxio does not know as it is
    /// there (a file added or changed behind Alluxio's back), so a delete never removes data nobody saw. The
    /// unchecked option skips this, as rm -U does.
    /// </summary>
    private async Task CheckInSyncAsync(AlluxioUri path, Inode inode, MountInfo mount, CancellationToken cancellationToken)
    {
        var ufs = _context.Ufs.Get(mount);
        var ufsPath = mount.ToUfs(path);
        if (inode is InodeFile file)
        {
            var status = await MetadataSync.StatusOrNullAsync(ufs, ufsPath, cancellationToken).ConfigureAwait(false);
            if (status is not null && UfsInodes.Compare(file, status, ufs.UnderFSType) == SyncVerdict.Replace)
            {
                throw NotInSync(path, ufsPath.ToString());
            }

            return;
        }

        var listing = await ufs.ListStatusAsync(ufsPath.ToString(), ListOptions.Recursive, cancellationToken).ConfigureAwait(false);
        if (listing is null)
        {
            return;
        }

        await foreach (var status in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Inode? known;
            using (Tree.ReadLocked())
            {
                known = Tree.Lookup(path.Join(status.Name).Path);
            }

            if (known is null || (known.IsPersisted && UfsInodes.Compare(known, status, ufs.UnderFSType) == SyncVerdict.Replace))
            {
                throw NotInSync(path, ufsPath.Join(status.Name).ToString());
            }
        }
    }

    private static AlluxioException NotInSync(AlluxioUri path, string ufsPath) => new(
        ErrorType.FailedPrecondition,
        $"Failed to delete {path} (UFS dir not in sync. Sync UFS, or delete with unchecked flag.) from the under file system: "
        + $"{ufsPath} is not what Alluxio last saw there, so deleting it could lose data nobody has seen.");

    private async Task DeleteInUfsAsync(AlluxioUri path, Inode inode, MountInfo mount, CancellationToken cancellationToken)
    {
        var ufs = _context.Ufs.Get(mount);
        var ufsPath = mount.ToUfs(path).ToString();
        var deleted = inode.IsDirectory
            ? await ufs.DeleteDirectoryAsync(ufsPath, DeleteOptions.Recursive, cancellationToken).ConfigureAwait(false)
            : await ufs.DeleteFileAsync(ufsPath, cancellationToken).ConfigureAwait(false);
        if (!deleted && await ufs.ExistsAsync(ufsPath, cancellationToken).ConfigureAwait(false))
        {
            throw new AlluxioException(ErrorType.FailedPrecondition, $"Failed to delete {path} from the under file system {ufsPath}; nothing was deleted from Alluxio.");
        }
    }
}
