using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Journal;
using Alluxio.Master.Operations;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using Alluxio.UnderFs;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Mounts;

/// <summary>mount, unmount, updateMount and the mount table, with Alluxio's checks in Alluxio's order.</summary>
public sealed partial class MountOperations
{
    private const int DirectoryMode = 0b111_101_101;

    private readonly NamespaceContext _context;
    private readonly MetadataSync _sync;
    private readonly ILogger _logger;

    public MountOperations(NamespaceContext context, MetadataSync sync)
    {
        _context = context;
        _sync = sync;
        _logger = context.LoggerFactory.CreateLogger<MountOperations>();
    }

    private InodeTree Tree => _context.Tree;

    /// <summary>
    /// Makes the root mount match alluxio.master.mount.table.root.*: creates the root on the first start, and
    /// journals a change when the configuration changed since.
    /// </summary>
    public async Task InitializeRootAsync(string owner, CancellationToken cancellationToken)
    {
        var configuration = _context.Configuration;
        var ufsText = configuration.Get(PropertyKeys.MasterMountTableRootUfs);
        var ufsUri = ParseUfsUri(ufsText);
        var options = configuration.GetTemplateValues(PropertyKeys.MasterMountTableRootOption)
            .ToDictionary(StringComparer.Ordinal);
        var wanted = new MountInfo(
            AlluxioUri.Root,
            ufsUri,
            MountInfo.RootMountId,
            configuration.GetBoolean(PropertyKeys.MasterMountTableRootReadonly),
            configuration.GetBoolean(PropertyKeys.MasterMountTableRootShared),
            options);

        MountInfo? current;
        bool hasRoot;
        using (Tree.ReadLocked())
        {
            current = Tree.Mounts.Get(AlluxioUri.Root);
            hasRoot = Tree.Root is not null;
        }

        if (wanted.UfsUri.Scheme is null or "file")
        {
            // A local root UFS is a folder of this machine: make it, as Alluxio's format does.
            Directory.CreateDirectory(wanted.UfsUri.Path);
        }

        var entry = new JournalEntry();
        if (current is null)
        {
            entry.Ops.Add(new JournalOp { AddMountPoint = JournalOps.AddMountPoint(wanted) });
        }
        else if (!SameMount(current, wanted))
        {
            LogRootMountChanged(_logger, current.UfsUri, wanted.UfsUri);
            entry.Ops.Add(new JournalOp { UpdateMountPoint = JournalOps.AddMountPoint(wanted) });
            await _context.Ufs.ReleaseAsync(MountInfo.RootMountId).ConfigureAwait(false);
        }

        if (!hasRoot)
        {
            var now = _context.NowMs;
            entry.Ops.Add(new JournalOp
            {
                CreateDirectory = new InodeDirectoryEntry
                {
                    Id = Tree.NextInodeId(),
                    ParentId = -1,
                    Name = "",
                    CreationTimeMs = now,
                    LastModificationTimeMs = now,
                    Owner = owner,
                    Group = owner,
                    Mode = DirectoryMode,
                    PersistenceState = PersistenceState.Persisted,
                    MountPoint = true,
                    Ttl = Inode.NoTtl,
                    TtlAction = TtlAction.Delete,
                },
            });
        }

        if (entry.Ops.Count > 0)
        {
            await _context.Journal.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task MountAsync(AlluxioUri alluxioPath, string ufsText, MountPOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        // 1. Normalize the UFS URI.
        var ufsUri = ParseUfsUri(ufsText);
        if (alluxioPath.IsRoot)
        {
            throw new AlluxioException(ErrorType.FileAlreadyExists, $"Mount point target path {alluxioPath} already exists in Alluxio namespace");
        }

        // 2. Metadata sync on the parent.
        var parent = alluxioPath.Parent!;
        await _sync.PrepareAsync(parent, call, DescendantType.None, cancellationToken).ConfigureAwait(false);

        using (await _context.Locks.LockAsync(alluxioPath, cancellationToken).ConfigureAwait(false))
        {
            MountInfo parentMount;
            using (Tree.ReadLocked())
            {
                var resolved = Tree.Resolve(alluxioPath);

                // 4. The parent must not be under a read-only mount.
                parentMount = Tree.Mounts.Resolve(parent)!;
                if (parentMount.ReadOnly)
                {
                    throw NamespaceErrors.ReadOnlyMount(alluxioPath, parentMount);
                }

                // 5. The Alluxio path must not exist.
                if (resolved.Exists)
                {
                    throw new AlluxioException(ErrorType.FileAlreadyExists, $"Mount point target path {alluxioPath} already exists in Alluxio namespace");
                }

                if (resolved.Parent is null)
                {
                    throw new AlluxioException(ErrorType.FileDoesNotExist, $"Cannot mount at {alluxioPath}: its parent {parent} does not exist; create it first.");
                }

                // 6. The new UFS path must be neither a prefix nor below another mount's.
                foreach (var existing in Tree.Mounts.All)
                {
                    if (!SameFileSystem(existing.UfsUri, ufsUri))
                    {
                        continue;
                    }

                    if (IsPrefix(existing.UfsUri, ufsUri))
                    {
                        throw new AlluxioException(ErrorType.InvalidPath, $"Mount point {existing.UfsUri} is a prefix of {ufsUri}");
                    }

                    if (IsPrefix(ufsUri, existing.UfsUri))
                    {
                        throw new AlluxioException(ErrorType.InvalidPath, $"Mount point {ufsUri} is a prefix of {existing.UfsUri}");
                    }
                }
            }

            // 6. ...and must not shadow a path of the parent UFS.
            var shadowed = parentMount.ToUfs(alluxioPath);
            if (await MetadataSync.StatusOrNullAsync(_context.Ufs.Get(parentMount), shadowed, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new AlluxioException(ErrorType.InvalidPath, $"Mount path {alluxioPath} shadows an existing path {shadowed} in the parent underlying filesystem");
            }

            // 7. The UFS client, from the site configuration with the options on top; 8. the UFS path must be a directory.
            var mount = new MountInfo(alluxioPath, ufsUri, Tree.NextMountId(), options.ReadOnly, options.Shared, options.Properties.ToDictionary(StringComparer.Ordinal));
            var ufs = await OpenCheckedAsync(mount, cancellationToken).ConfigureAwait(false);

            // 9. The mount point's directory, shared or not; 10. the journal entry.
            InodeDirectory parentDirectory;
            using (Tree.ReadLocked())
            {
                parentDirectory = Tree.Resolve(parent).Target as InodeDirectory
                    ?? throw new AlluxioException(ErrorType.FileDoesNotExist, $"Cannot mount at {alluxioPath}: its parent {parent} does not exist; create it first.");
            }

            var now = _context.NowMs;
            var entry = new JournalEntry { OperationId = call.OperationId };
            entry.Ops.Add(new JournalOp { AddMountPoint = JournalOps.AddMountPoint(mount) });
            entry.Ops.Add(new JournalOp
            {
                CreateDirectory = new InodeDirectoryEntry
                {
                    Id = Tree.NextInodeId(),
                    ParentId = parentDirectory.Id,
                    Name = alluxioPath.Name,
                    CreationTimeMs = now,
                    LastModificationTimeMs = now,
                    Owner = call.User,
                    Group = call.Group,
                    Mode = options.Shared ? UfsInodes.SharedMode(DirectoryMode) : DirectoryMode,
                    PersistenceState = PersistenceState.Persisted,
                    MountPoint = true,
                    Ttl = Inode.NoTtl,
                    TtlAction = TtlAction.Delete,
                },
            });
            try
            {
                await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await ufs.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _context.Ufs.Adopt(mount.MountId, ufs);
            LogMounted(_logger, mount.UfsUri, alluxioPath, mount.MountId);
        }
    }

    public async Task UnmountAsync(AlluxioUri alluxioPath, CallContext call, CancellationToken cancellationToken)
    {
        if (alluxioPath.IsRoot)
        {
            throw new AlluxioException(ErrorType.InvalidPath, "Cannot unmount the root mount point.");
        }

        using (await _context.Locks.LockAsync(alluxioPath, cancellationToken).ConfigureAwait(false))
        {
            MountInfo mount;
            Inode inode;
            using (Tree.ReadLocked())
            {
                mount = Tree.Mounts.Get(alluxioPath) ?? throw new AlluxioException(ErrorType.InvalidPath, $"Path {alluxioPath} is not a mount point.");
                if (Tree.Mounts.Below(alluxioPath).FirstOrDefault() is { } nested)
                {
                    throw new AlluxioException(ErrorType.FailedPrecondition, $"Cannot unmount {alluxioPath}: the mount point {nested.AlluxioPath} lies below it; unmount that first.");
                }

                if (Tree.Mounts.Resolve(alluxioPath.Parent!) is { ReadOnly: true } parentMount)
                {
                    throw NamespaceErrors.ReadOnlyMount(alluxioPath, parentMount);
                }

                inode = Tree.Resolve(alluxioPath).Target!;
            }

            // The subtree leaves Alluxio only: cached blocks go, UFS data stays.
            var entry = new JournalEntry { OperationId = call.OperationId };
            entry.Ops.Add(new JournalOp { DeleteMountPoint = new DeleteMountPointEntry { AlluxioPath = alluxioPath.ToString() } });
            entry.Ops.Add(new JournalOp { DeleteInode = new DeleteInodeEntry { Id = inode.Id, OpTimeMs = _context.NowMs } });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            await _context.Ufs.ReleaseAsync(mount.MountId).ConfigureAwait(false);
            LogUnmounted(_logger, alluxioPath, mount.MountId);
        }
    }

    public async Task UpdateMountAsync(AlluxioUri alluxioPath, MountPOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using (await _context.Locks.LockAsync(alluxioPath, cancellationToken).ConfigureAwait(false))
        {
            MountInfo old;
            using (Tree.ReadLocked())
            {
                old = Tree.Mounts.Get(alluxioPath) ?? throw new AlluxioException(ErrorType.InvalidPath, $"Path {alluxioPath} is not a mount point.");
            }

            // A new client with the new options and a new mount id; the metadata stays.
            var mount = old with
            {
                MountId = Tree.NextMountId(),
                ReadOnly = options.ReadOnly,
                Shared = options.Shared,
                Properties = options.Properties.ToDictionary(StringComparer.Ordinal),
            };
            var ufs = await OpenCheckedAsync(mount, cancellationToken).ConfigureAwait(false);
            var entry = new JournalEntry { OperationId = call.OperationId };
            entry.Ops.Add(new JournalOp { UpdateMountPoint = JournalOps.AddMountPoint(mount) });
            try
            {
                await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await ufs.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _context.Ufs.Adopt(mount.MountId, ufs);
            await _context.Ufs.ReleaseAsync(old.MountId).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a worker needs to reach a mount's UFS: its URI and its options unmasked, credentials included, since the
    /// worker signs its requests with them. Only workers get this; never log it.
    /// </summary>
    public GetUfsInfoPResponse GetUfsInfo(long mountId)
    {
        MountInfo mount;
        using (Tree.ReadLocked())
        {
            mount = Tree.Mounts.GetById(mountId)
                ?? throw new AlluxioException(ErrorType.FileDoesNotExist, $"Mount {mountId} does not exist; it may have been unmounted or changed since.");
        }

        var response = new GetUfsInfoPResponse { UfsUri = mount.UfsUri.ToString(), ReadOnly = mount.ReadOnly, Shared = mount.Shared };
        response.Properties.Add(mount.Properties.ToDictionary(StringComparer.Ordinal));
        return response;
    }

    /// <summary>The mount table as callers see it: credentials masked, space as the UFS reports it (-1 when unknown).</summary>
    public async Task<IReadOnlyDictionary<string, MountPointInfo>> GetMountTableAsync(CancellationToken cancellationToken)
    {
        List<MountInfo> mounts;
        using (Tree.ReadLocked())
        {
            mounts = [.. Tree.Mounts.All];
        }

        var result = new Dictionary<string, MountPointInfo>(StringComparer.Ordinal);
        foreach (var mount in mounts)
        {
            var ufs = _context.Ufs.Get(mount);
            var info = new MountPointInfo
            {
                UfsUri = mount.UfsUri.ToString(),
                UfsType = ufs.UnderFSType,
                UfsCapacityBytes = await SpaceAsync(ufs, mount, SpaceType.Total, cancellationToken).ConfigureAwait(false),
                UfsUsedBytes = await SpaceAsync(ufs, mount, SpaceType.Used, cancellationToken).ConfigureAwait(false),
                ReadOnly = mount.ReadOnly,
                Shared = mount.Shared,
                MountId = mount.MountId,
            };
            info.Properties.Add(mount.DisplayProperties.ToDictionary(StringComparer.Ordinal));
            result[mount.AlluxioPath.ToString()] = info;
        }

        return result;
    }

    private static async Task<long> SpaceAsync(UnderFileSystem ufs, MountInfo mount, SpaceType type, CancellationToken cancellationToken)
    {
        try
        {
            return await ufs.GetSpaceAsync(mount.UfsUri.ToString(), type, cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException)
        {
            return -1;
        }
    }

    private async Task<UnderFileSystem> OpenCheckedAsync(MountInfo mount, CancellationToken cancellationToken)
    {
        UnderFileSystem ufs;
        try
        {
            ufs = _context.Ufs.Create(mount);
        }
        catch (ConfigurationException e)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"Cannot mount {mount.UfsUri}: {e.Message}", e);
        }

        try
        {
            if (!await ufs.IsDirectoryAsync(mount.UfsUri.ToString(), cancellationToken).ConfigureAwait(false))
            {
                throw new AlluxioException(ErrorType.FileDoesNotExist, $"Ufs path {mount.UfsUri} does not exist");
            }

            return ufs;
        }
        catch (AlluxioException e) when (e.ErrorType is ErrorType.Unavailable or ErrorType.DeadlineExceeded)
        {
            // A mount that never answered has a wrong endpoint or key more often than an outage, so the user hears what
            // to check rather than that it may pass.
            await ufs.DisposeAsync().ConfigureAwait(false);
            throw new AlluxioException(
                ErrorType.FailedPrecondition, $"Cannot mount {mount.UfsUri}: {e.Message} Check the endpoint and credentials in the mount options.", e);
        }
        catch
        {
            await ufs.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static AlluxioUri ParseUfsUri(string text)
    {
        var uri = AlluxioUri.Parse(text);
        if (uri.Scheme == "alluxio")
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"Cannot mount {text}: an alluxio:// path cannot be a UFS.");
        }

        if (uri.Scheme is null && !uri.IsPathAbsolute)
        {
            throw InvalidPathException.ForPath(text, "a local UFS path must be absolute");
        }

        return uri;
    }

    private static bool SameMount(MountInfo a, MountInfo b) =>
        a.UfsUri.Equals(b.UfsUri) && a.ReadOnly == b.ReadOnly && a.Shared == b.Shared
        && a.Properties.Count == b.Properties.Count
        && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>Same scheme and authority, with a bare local path the same as file://.</summary>
    private static bool SameFileSystem(AlluxioUri a, AlluxioUri b) =>
        (a.Scheme ?? "file") == (b.Scheme ?? "file") && (a.Authority ?? "") == (b.Authority ?? "");

    private static bool IsPrefix(AlluxioUri ancestor, AlluxioUri other) =>
        ancestor.Path == "/" || other.Path == ancestor.Path
        || (other.Path.StartsWith(ancestor.Path, StringComparison.Ordinal) && other.Path[ancestor.Path.Length] == AlluxioUri.Separator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mounted {UfsUri} at {AlluxioPath} with mount id {MountId}")]
    private static partial void LogMounted(ILogger logger, AlluxioUri ufsUri, AlluxioUri alluxioPath, long mountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unmounted {AlluxioPath} (mount id {MountId})")]
    private static partial void LogUnmounted(ILogger logger, AlluxioUri alluxioPath, long mountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The root mount changed from {Old} to {New} in the configuration; the journal now follows the configuration")]
    private static partial void LogRootMountChanged(ILogger logger, AlluxioUri old, AlluxioUri @new);
}
