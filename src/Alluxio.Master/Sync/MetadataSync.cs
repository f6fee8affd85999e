using Alluxio.Errors;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.UnderFs;
using Alluxio.UnderFs.Options;

namespace Alluxio.Master.Sync;

/// <summary>
/// Brings the namespace in line with the UFS: loads paths Alluxio has not seen (load type ONCE / ALWAYS) and syncs
/// paths whose last sync is older than the caller's interval. UFS calls run under the path's subtree lock, never
/// under the tree's lock, so readers go on meanwhile; a directory's listing is consumed page by page and journaled
/// in batches, so a huge directory is never held whole. Independent UFS calls of one sync run concurrently, at most
/// alluxio.master.metadata.sync.concurrency.level at once.
/// </summary>
public sealed class MetadataSync
{
    /// <summary>How many ops one journal entry of a load carries.</summary>
    internal const int BatchSize = 1000;

    private readonly NamespaceContext _context;
    private readonly int _concurrency;

    public MetadataSync(NamespaceContext context)
    {
        _context = context;
        _concurrency = Math.Max(1, context.Configuration.GetInt(Configuration.PropertyKeys.MasterMetadataSyncConcurrencyLevel));
    }

    private InodeTree Tree => _context.Tree;

    /// <summary>
    /// Prepares <paramref name="path"/> for an operation: syncs it when the caller's interval says so, otherwise
    /// loads it (and, for listings, its children) when it is missing and the load type allows.
    /// </summary>
    public async Task PrepareAsync(AlluxioUri path, CallContext call, DescendantType depth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(call);
        if (call.SyncIntervalMs >= 0 && NeedsSync(path, call.SyncIntervalMs, depth))
        {
            using var limit = new SemaphoreSlim(_concurrency);
            await SyncAsync(path, depth, limit, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (call.LoadType == MetadataLoadType.Never)
        {
            return;
        }

        await LoadIfMissingAsync(path, call.LoadType, cancellationToken).ConfigureAwait(false);
        if (depth != DescendantType.None)
        {
            using var limit = new SemaphoreSlim(_concurrency);
            await LoadChildrenAsync(path, call.LoadType, depth == DescendantType.All, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool NeedsSync(AlluxioUri path, long intervalMs, DescendantType depth)
    {
        using (Tree.ReadLocked())
        {
            var target = Tree.Resolve(path).Target;
            var last = depth != DescendantType.None && target is InodeDirectory ? target.LastChildrenSyncTimeMs : target?.LastSyncTimeMs ?? 0;
            return target is null || intervalMs == 0 || _context.NowMs - last >= intervalMs;
        }
    }

    /// <summary>Loads the missing components of <paramref name="path"/> that exist in the UFS.</summary>
    public async Task LoadIfMissingAsync(AlluxioUri path, MetadataLoadType loadType, CancellationToken cancellationToken)
    {
        AlluxioUri firstMissing;
        using (Tree.ReadLocked())
        {
            var resolved = Tree.Resolve(path);
            if (resolved.Exists || !MayExistInUfs(resolved, loadType))
            {
                return;
            }

            firstMissing = resolved.FirstMissingPath;
        }

        using var lease = await _context.Locks.LockAsync(firstMissing, cancellationToken).ConfigureAwait(false);
        await LoadMissingLockedAsync(path, loadType, firstMissing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the missing components of <paramref name="path"/> while the caller holds the lock on
    /// <paramref name="locked"/>, which covers the first missing component.
    /// </summary>
    private async Task LoadMissingLockedAsync(AlluxioUri path, MetadataLoadType loadType, AlluxioUri locked, CancellationToken cancellationToken)
    {
        InodePath current;
        MountInfo mount;
        using (Tree.ReadLocked())
        {
            current = Tree.Resolve(path);
            if (current.Exists || !MayExistInUfs(current, loadType) || !locked.IsAncestorOf(current.FirstMissingPath))
            {
                // Loaded meanwhile, known absent, or the tree above changed: the caller sees the tree as it is.
                return;
            }

            mount = Tree.Mounts.Resolve(path)!;
        }

        var ufs = _context.Ufs.Get(mount);

        // Top down: each missing component is looked up until one is absent; usually one or two calls.
        var statuses = new List<UfsStatus>();
        for (var depth = current.Inodes.Count; depth <= current.Components.Count; depth++)
        {
            var status = await StatusOrNullAsync(ufs, mount.ToUfs(current.PathOfDepth(depth)), cancellationToken).ConfigureAwait(false);
            if (status is null || (status.IsFile && depth < current.Components.Count))
            {
                break;
            }

            statuses.Add(status);
        }

        if (statuses.Count == 0)
        {
            return;
        }

        var entry = new JournalEntry();
        var parentId = current.LastExisting.Id;
        for (var i = 0; i < statuses.Count; i++)
        {
            var id = Tree.NextInodeId();
            var name = current.Components[current.Inodes.Count - 1 + i];
            entry.Ops.Add(UfsInodes.Create(id, parentId, name, statuses[i], mount, ufs.UnderFSType, _context.NowMs, childrenLoaded: false));
            parentId = id;
        }

        await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Whether a missing path is worth a UFS call under the load type.</summary>
    private static bool MayExistInUfs(InodePath resolved, MetadataLoadType loadType) =>
        loadType != MetadataLoadType.Never
        && resolved.LastExisting is InodeDirectory deepest
        && (loadType == MetadataLoadType.Always || !deepest.DirectChildrenLoaded);

    /// <summary>Lists a directory's children from the UFS into Alluxio when they were not listed yet.</summary>
    private async Task LoadChildrenAsync(AlluxioUri path, MetadataLoadType loadType, bool recursive, SemaphoreSlim limit, CancellationToken cancellationToken)
    {
        MountInfo mount;
        bool loaded;
        using (Tree.ReadLocked())
        {
            if (Tree.Resolve(path).Target is not InodeDirectory directory)
            {
                return;
            }

            loaded = directory.DirectChildrenLoaded && loadType == MetadataLoadType.Once;
            mount = Tree.Mounts.Resolve(path)!;
        }

        if (!loaded)
        {
            var ufs = _context.Ufs.Get(mount);
            if (recursive && ufs.IsObjectStorage)
            {
                // One recursive listing of the whole prefix beats one listing per directory on an object store.
                await LoadSubtreeAsync(path, loadType, limit, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await LoadDirectoryAsync(path, loadType, limit, cancellationToken).ConfigureAwait(false);
            }
        }

        if (recursive)
        {
            var children = new List<AlluxioUri>();
            using (Tree.ReadLocked())
            {
                if (Tree.Resolve(path).Target is InodeDirectory directory)
                {
                    foreach (var child in Tree.Store.GetChildren(directory))
                    {
                        // Every subdirectory: one listed already returns at once from its own check, so the walk stays
                        // linear in the number of directories.
                        if (child is InodeDirectory)
                        {
                            children.Add(path.Join(child.Name));
                        }
                    }
                }
            }

            await Task.WhenAll(children.Select(c => LoadChildrenAsync(c, loadType, recursive: true, limit, cancellationToken))).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The directory at <paramref name="path"/> and its mount when its children are still to be listed under the load
    /// type; null when it is gone or loaded. Call holding the path's lock.
    /// </summary>
    private (InodeDirectory Directory, MountInfo Mount)? FindUnloaded(AlluxioUri path, MetadataLoadType loadType)
    {
        using (Tree.ReadLocked())
        {
            return Tree.Resolve(path).Target is InodeDirectory found && !(found.DirectChildrenLoaded && loadType == MetadataLoadType.Once)
                ? (found, Tree.Mounts.Resolve(path)!)
                : null;
        }
    }

    /// <summary>Adds the children of one directory that the UFS has and Alluxio lacks.</summary>
    private async Task LoadDirectoryAsync(AlluxioUri path, MetadataLoadType loadType, SemaphoreSlim limit, CancellationToken cancellationToken)
    {
        using var lease = await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false);
        if (FindUnloaded(path, loadType) is not { } unloaded)
        {
            return;
        }

        var (directory, mount) = unloaded;

        var ufs = _context.Ufs.Get(mount);
        var writer = new BatchedJournalWriter(_context.Journal);
        await limit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var listing = await ufs.ListStatusAsync(mount.ToUfs(path).ToString(), ListOptions.Default, cancellationToken).ConfigureAwait(false);
            if (listing is not null)
            {
                await foreach (var status in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    bool exists;
                    using (Tree.ReadLocked())
                    {
                        exists = Tree.Store.GetChild(directory, status.Name) is not null;
                    }

                    if (!exists)
                    {
                        await writer.AddAsync(UfsInodes.Create(Tree.NextInodeId(), directory.Id, status.Name, status, mount, ufs.UnderFSType, _context.NowMs, childrenLoaded: false)).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            limit.Release();
        }

        await writer.AddAsync(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = directory.Id, DirectChildrenLoaded = true } }).ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Loads a whole subtree of an object store from one recursive listing.</summary>
    private async Task LoadSubtreeAsync(AlluxioUri path, MetadataLoadType loadType, SemaphoreSlim limit, CancellationToken cancellationToken)
    {
        bool nestedMounts;
        using (Tree.ReadLocked())
        {
            nestedMounts = Tree.Mounts.Below(path).Any();
        }

        if (nestedMounts)
        {
            // Keys under a nested mount point belong to the parent UFS only: list directory by directory instead.
            await LoadDirectoryAsync(path, loadType, limit, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var lease = await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false);
        if (FindUnloaded(path, loadType) is not { } unloaded)
        {
            return;
        }

        var (top, mount) = unloaded;

        var ufs = _context.Ufs.Get(mount);

        // Directories by path relative to the top; those made in this pass have no children in the tree yet.
        var directories = new Dictionary<string, long>(StringComparer.Ordinal) { [""] = top.Id };
        var created = new HashSet<long>();
        var visitedExisting = new List<long> { top.Id };
        var writer = new BatchedJournalWriter(_context.Journal);
        await limit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var listing = await ufs.ListStatusAsync(mount.ToUfs(path).ToString(), ListOptions.Recursive, cancellationToken).ConfigureAwait(false);
            if (listing is not null)
            {
                await foreach (var status in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    var slash = status.Name.LastIndexOf('/');
                    var parentPath = slash < 0 ? "" : status.Name[..slash];
                    var name = slash < 0 ? status.Name : status.Name[(slash + 1)..];
                    if (!directories.TryGetValue(parentPath, out var parentId))
                    {
                        // Below a file that hides a directory of the same name: Alluxio shows the file only.
                        continue;
                    }

                    Inode? existing = null;
                    if (!created.Contains(parentId))
                    {
                        using (Tree.ReadLocked())
                        {
                            existing = Tree.Store.GetById(parentId) is InodeDirectory parent ? Tree.Store.GetChild(parent, name) : null;
                        }
                    }

                    if (existing is not null)
                    {
                        if (status.IsDirectory && existing is InodeDirectory existingDirectory)
                        {
                            directories[status.Name] = existingDirectory.Id;
                            visitedExisting.Add(existingDirectory.Id);
                        }

                        continue;
                    }

                    var id = Tree.NextInodeId();
                    if (status.IsDirectory)
                    {
                        directories[status.Name] = id;
                        created.Add(id);
                    }

                    await writer.AddAsync(UfsInodes.Create(id, parentId, name, status, mount, ufs.UnderFSType, _context.NowMs, childrenLoaded: true)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            limit.Release();
        }

        foreach (var id in visitedExisting)
        {
            await writer.AddAsync(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = id, DirectChildrenLoaded = true } }).ConfigureAwait(false);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Syncs <paramref name="path"/> (and, per <paramref name="depth"/>, what lies below) with the UFS.</summary>
    private async Task SyncAsync(AlluxioUri path, DescendantType depth, SemaphoreSlim limit, CancellationToken cancellationToken)
    {
        AlluxioUri lockPath;
        using (Tree.ReadLocked())
        {
            var resolved = Tree.Resolve(path);
            if (!resolved.Exists && resolved.LastExisting is not InodeDirectory)
            {
                return;
            }

            lockPath = resolved.Exists ? path : resolved.FirstMissingPath;
        }

        var subdirectories = new List<AlluxioUri>();
        using (await _context.Locks.LockAsync(lockPath, cancellationToken).ConfigureAwait(false))
        {
            MountInfo mount;
            using (Tree.ReadLocked())
            {
                mount = Tree.Mounts.Resolve(path)!;
            }

            var ufs = _context.Ufs.Get(mount);
            UfsStatus? status;
            await limit.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                status = await StatusOrNullAsync(ufs, mount.ToUfs(path), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                limit.Release();
            }

            Inode? inode;
            using (Tree.ReadLocked())
            {
                inode = Tree.Resolve(path).Target;
            }

            if (inode is null)
            {
                if (status is null)
                {
                    return;
                }

                await LoadMissingLockedAsync(path, MetadataLoadType.Always, lockPath, cancellationToken).ConfigureAwait(false);
            }
            else if (status is null)
            {
                if (inode.IsPersisted && !IsMountPoint(path))
                {
                    var delete = new JournalEntry();
                    delete.Ops.Add(new JournalOp { DeleteInode = new DeleteInodeEntry { Id = inode.Id, OpTimeMs = _context.NowMs } });
                    await _context.Journal.AppendAsync(delete, CancellationToken.None).ConfigureAwait(false);
                    return;
                }
            }
            else if (!IsMountPoint(path))
            {
                var entry = new JournalEntry();
                entry.Ops.AddRange(ReconcileOps(inode, inode.ParentId, inode.Name, status, mount, ufs.UnderFSType));
                if (entry.Ops.Count > 0)
                {
                    await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
                }
            }

            InodeDirectory? directory;
            using (Tree.ReadLocked())
            {
                directory = Tree.Resolve(path).Target as InodeDirectory;
                if (directory is null)
                {
                    MarkSynced(Tree.Resolve(path).Target);
                    return;
                }
            }

            if (depth != DescendantType.None && (status is null || status.IsDirectory))
            {
                await SyncChildrenAsync(path, directory, mount, ufs, depth == DescendantType.All ? subdirectories : null, limit, cancellationToken).ConfigureAwait(false);
                directory.LastChildrenSyncTimeMs = _context.NowMs;
            }

            MarkSynced(directory);
        }

        // The subdirectories sync after the parent's lock is gone, concurrently; the semaphore bounds the UFS calls.
        await Task.WhenAll(subdirectories.Select(s => SyncAsync(s, DescendantType.All, limit, cancellationToken))).ConfigureAwait(false);
    }

    private async Task SyncChildrenAsync(
        AlluxioUri path, InodeDirectory directory, MountInfo mount, UnderFileSystem ufs, List<AlluxioUri>? subdirectories, SemaphoreSlim limit, CancellationToken cancellationToken)
    {
        // Alluxio children that only the UFS can vouch for; whatever the listing does not name is gone from the UFS.
        HashSet<string> unseen;
        using (Tree.ReadLocked())
        {
            unseen = [.. Tree.Store.GetChildren(directory).Where(c => c.IsPersisted && !Tree.Mounts.IsMountPoint(path.Join(c.Name))).Select(c => c.Name)];
        }

        var writer = new BatchedJournalWriter(_context.Journal);
        await limit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var listing = await ufs.ListStatusAsync(mount.ToUfs(path).ToString(), ListOptions.Default, cancellationToken).ConfigureAwait(false);
            if (listing is not null)
            {
                await foreach (var status in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    unseen.Remove(status.Name);
                    Inode? child;
                    using (Tree.ReadLocked())
                    {
                        child = Tree.Store.GetChild(directory, status.Name);
                    }

                    var ops = child is null
                        ? [UfsInodes.Create(Tree.NextInodeId(), directory.Id, status.Name, status, mount, ufs.UnderFSType, _context.NowMs, childrenLoaded: false)]
                        : IsMountPoint(path.Join(status.Name)) ? [] : ReconcileOps(child, directory.Id, status.Name, status, mount, ufs.UnderFSType);
                    foreach (var op in ops)
                    {
                        await writer.AddAsync(op).ConfigureAwait(false);
                    }

                    if (status.IsDirectory && subdirectories is not null)
                    {
                        subdirectories.Add(path.Join(status.Name));
                    }
                }
            }
        }
        finally
        {
            limit.Release();
        }

        var now = _context.NowMs;
        foreach (var name in unseen)
        {
            Inode? child;
            using (Tree.ReadLocked())
            {
                child = Tree.Store.GetChild(directory, name);
            }

            if (child is not null)
            {
                await writer.AddAsync(new JournalOp { DeleteInode = new DeleteInodeEntry { Id = child.Id, OpTimeMs = now } }).ConfigureAwait(false);
            }
        }

        await writer.AddAsync(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = directory.Id, DirectChildrenLoaded = true } }).ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);

        if (subdirectories is not null)
        {
            // Nested mount points sync too, through their own UFS.
            using (Tree.ReadLocked())
            {
                foreach (var child in Tree.Store.GetChildren(directory))
                {
                    var childPath = path.Join(child.Name);
                    if (Tree.Mounts.IsMountPoint(childPath) && !subdirectories.Contains(childPath))
                    {
                        subdirectories.Add(childPath);
                    }
                }
            }
        }
    }

    /// <summary>The ops that bring <paramref name="inode"/> in line with its UFS status; none when they match.</summary>
    private IEnumerable<JournalOp> ReconcileOps(Inode inode, long parentId, string name, UfsStatus status, MountInfo mount, string ufsType)
    {
        switch (UfsInodes.Compare(inode, status, ufsType))
        {
            case SyncVerdict.Replace:
                yield return new JournalOp { DeleteInode = new DeleteInodeEntry { Id = inode.Id, OpTimeMs = _context.NowMs } };
                yield return UfsInodes.Create(Tree.NextInodeId(), parentId, name, status, mount, ufsType, _context.NowMs, childrenLoaded: false);
                break;
            case SyncVerdict.UpdateMetadata:
                yield return UfsInodes.UpdateMetadata(inode, status, mount, ufsType);
                break;
        }
    }

    private void MarkSynced(Inode? inode)
    {
        if (inode is not null)
        {
            inode.LastSyncTimeMs = _context.NowMs;
        }
    }

    private bool IsMountPoint(AlluxioUri path)
    {
        using (Tree.ReadLocked())
        {
            return Tree.Mounts.IsMountPoint(path);
        }
    }

    /// <summary>The status of a UFS path, or null when nothing is there.</summary>
    internal static async Task<UfsStatus?> StatusOrNullAsync(UnderFileSystem ufs, AlluxioUri ufsPath, CancellationToken cancellationToken)
    {
        try
        {
            return await ufs.GetStatusAsync(ufsPath.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileDoesNotExist)
        {
            return null;
        }
    }
}
