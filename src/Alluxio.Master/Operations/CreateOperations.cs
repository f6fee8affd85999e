using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using Alluxio.UnderFs;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master.Operations;

/// <summary>createDirectory, createFile and completeFile.</summary>
public sealed class CreateOperations
{
    private readonly NamespaceContext _context;
    private readonly MetadataSync _sync;
    private readonly ReadOperations _reads;
    private readonly int _directoryMode;
    private readonly int _fileMode;
    private readonly long _defaultBlockSize;

    public CreateOperations(NamespaceContext context, MetadataSync sync, ReadOperations reads)
    {
        _context = context;
        _sync = sync;
        _reads = reads;
        var umask = Convert.ToInt32(context.Configuration.Get(Configuration.PropertyKeys.SecurityAuthorizationPermissionUmask), 8);
        _directoryMode = 0b111_111_111 & ~umask;
        _fileMode = 0b110_110_110 & ~umask;
        _defaultBlockSize = context.Configuration.GetBytes(Configuration.PropertyKeys.UserBlockSizeBytesDefault);
    }

    private InodeTree Tree => _context.Tree;

    public async Task<FileInfo> CreateDirectoryAsync(AlluxioUri path, CreateDirectoryPOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await _sync.PrepareAsync(path, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (var lease = await LockForCreateAsync(path, options.Recursive, options.AllowExists, isDirectory: true, cancellationToken).ConfigureAwait(false))
        {
            if (lease is null)
            {
                return _reads.Read(path) ?? throw NamespaceErrors.PathDoesNotExist(path);
            }

            var entry = new JournalEntry { OperationId = call.OperationId };
            var persist = Persists(options.WriteType);
            if (persist)
            {
                var (mount, ufs) = MountOf(path);
                entry.Ops.AddRange(await UfsDirectories.PersistAsync(Tree, ufs, mount, path.Parent!, cancellationToken).ConfigureAwait(false));
                if (!await ufs.MkdirsAsync(mount.ToUfs(path).ToString(), cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    throw new AlluxioException(ErrorType.FileAlreadyExists, $"Cannot create directory {path}: {mount.ToUfs(path)} is a file in the under file system.");
                }
            }

            var mode = options.HasMode ? options.Mode : _directoryMode;
            AddMissingDirectories(entry, path, includeTarget: true, mode, persist, call);

            // The target is the last directory made; only it takes the attributes.
            entry.Ops.Last(o => o.CreateDirectory is not null).CreateDirectory.XAttr.Add(options.Xattr);
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }

        return _reads.Read(path) ?? throw NamespaceErrors.PathDoesNotExist(path);
    }

    public async Task<FileInfo> CreateFileAsync(AlluxioUri path, CreateFilePOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await _sync.PrepareAsync(path, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (await LockForCreateAsync(path, options.Recursive, allowExists: options.Overwrite, isDirectory: false, cancellationToken).ConfigureAwait(false))
        {
            var entry = new JournalEntry { OperationId = call.OperationId };
            var persist = Persists(options.WriteType);
            var (mount, ufs) = MountOf(path);
            Inode? existing;
            using (Tree.ReadLocked())
            {
                existing = Tree.Resolve(path).Target;
            }

            if (existing is not null)
            {
                // Overwrite: the old file goes, in the UFS too, before the new one is made.
                if (existing.IsPersisted)
                {
                    await ufs.DeleteFileAsync(mount.ToUfs(path).ToString(), cancellationToken).ConfigureAwait(false);
                }

                entry.Ops.Add(new JournalOp { DeleteInode = new DeleteInodeEntry { Id = existing.Id, OpTimeMs = _context.NowMs } });
            }

            if (persist)
            {
                entry.Ops.AddRange(await UfsDirectories.PersistAsync(Tree, ufs, mount, path.Parent!, cancellationToken).ConfigureAwait(false));
            }

            var parentId = AddMissingDirectories(entry, path, includeTarget: false, _directoryMode, persist, call);
            var now = _context.NowMs;
            entry.Ops.Add(new JournalOp
            {
                CreateFile = new InodeFileEntry
                {
                    Id = Tree.NextInodeId(),
                    ParentId = parentId,
                    Name = path.Name,
                    CreationTimeMs = now,
                    LastModificationTimeMs = now,
                    Owner = call.User,
                    Group = call.Group,
                    Mode = options.HasMode ? options.Mode : _fileMode,
                    PersistenceState = persist ? PersistenceState.ToBePersisted : PersistenceState.NotPersisted,
                    BlockSizeBytes = options.BlockSizeBytes > 0 ? options.BlockSizeBytes : _defaultBlockSize,
                    Cacheable = true,
                    ReplicationMin = options.ReplicationMin,
                    ReplicationMax = options.ReplicationMax == 0 ? -1 : options.ReplicationMax,
                    ReplicationDurable = options.ReplicationDurable == 0 ? 1 : options.ReplicationDurable,
                    Ttl = options.CommonOptions?.HasTtl == true ? options.CommonOptions.Ttl : Inode.NoTtl,
                    TtlAction = options.CommonOptions?.HasTtlAction == true ? options.CommonOptions.TtlAction : TtlAction.Delete,
                    XAttr = { options.Xattr },
                },
            });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }

        return _reads.Read(path) ?? throw NamespaceErrors.PathDoesNotExist(path);
    }

    public async Task<FileInfo> CompleteFileAsync(AlluxioUri path, CompleteFilePOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using (await _context.Locks.LockAsync(path, cancellationToken).ConfigureAwait(false))
        {
            InodeFile file;
            using (Tree.ReadLocked())
            {
                file = Tree.Resolve(path).Target switch
                {
                    InodeFile f => f,
                    null => throw NamespaceErrors.PathDoesNotExist(path),
                    _ => throw new AlluxioException(ErrorType.InvalidPath, $"Cannot complete {path}: it is a directory."),
                };
            }

            if (file.Completed)
            {
                throw new AlluxioException(ErrorType.FailedPrecondition, $"File {path} has already been completed.");
            }

            var update = new UpdateInodeEntry
            {
                Id = file.Id,
                Length = Math.Max(0, options.UfsLength),
                Completed = true,
                LastModificationTimeMs = _context.NowMs,
            };
            if (options.Xattr.Count > 0)
            {
                update.UpdateXAttr = true;
                update.XAttr.Add(options.Xattr);
            }

            if (file.PersistenceState == PersistenceState.ToBePersisted)
            {
                var (mount, ufs) = MountOf(path);
                var ufsPath = mount.ToUfs(path).ToString();
                if (options.ContentHash.Length > 0 || options.UfsLength == 0)
                {
                    if (options.ContentHash.Length == 0)
                    {
                        // An empty file needs no worker: the master writes the empty object itself.
                        await using (await ufs.CreateAsync(ufsPath, cancellationToken: cancellationToken).ConfigureAwait(false))
                        {
                        }
                    }

                    var status = await ufs.GetStatusAsync(ufsPath, cancellationToken).ConfigureAwait(false);
                    update.PersistenceState = PersistenceState.Persisted;
                    update.UfsFingerprint = Fingerprint.Of(ufs.UnderFSType, status);
                }
            }

            var entry = new JournalEntry { OperationId = call.OperationId };
            entry.Ops.Add(new JournalOp { UpdateInode = update });
            await _context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }

        return _reads.Read(path) ?? throw NamespaceErrors.PathDoesNotExist(path);
    }

    /// <summary>
    /// Locks what creating <paramref name="path"/> needs: its first missing component, which covers everything the
    /// create makes (or the path itself when it exists and may be replaced). Returns null when the path exists and
    /// may be taken as it is. When the tree above changes while waiting (a parent deleted), it locks again higher up.
    /// </summary>
    private async Task<Locking.PathLease?> LockForCreateAsync(AlluxioUri path, bool recursive, bool allowExists, bool isDirectory, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (CheckCreatable(path, recursive, allowExists, isDirectory) is not { } wanted)
            {
                return null;
            }

            var lease = await _context.Locks.LockAsync(wanted, cancellationToken).ConfigureAwait(false);
            AlluxioUri? needed;
            try
            {
                needed = CheckCreatable(path, recursive, allowExists, isDirectory);
            }
            catch
            {
                lease.Dispose();
                throw;
            }

            if (needed is not null && wanted.IsAncestorOf(needed))
            {
                return lease;
            }

            lease.Dispose();
            if (needed is null)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be created and returns the path to lock (the first missing
    /// component), or null when it exists and may (a directory with allowExists).
    /// </summary>
    private AlluxioUri? CheckCreatable(AlluxioUri path, bool recursive, bool allowExists, bool isDirectory)
    {
        using (Tree.ReadLocked())
        {
            if (path.IsRoot)
            {
                return allowExists && isDirectory ? null : throw NamespaceErrors.AlreadyExists(path);
            }

            var resolved = Tree.Resolve(path);
            NamespaceErrors.ThrowIfReadOnly(Tree, path);
            if (resolved.Target is { } target)
            {
                if (allowExists && target.IsDirectory == isDirectory)
                {
                    return isDirectory ? null : path;
                }

                throw NamespaceErrors.AlreadyExists(path);
            }

            if (resolved.LastExisting is InodeFile file)
            {
                throw NamespaceErrors.NotADirectory(path, file, resolved);
            }

            if (resolved.MissingCount > 1 && !recursive)
            {
                throw NamespaceErrors.ParentMissing(path, resolved);
            }

            return resolved.FirstMissingPath;
        }
    }

    /// <summary>Adds ops creating the missing directories down to the path (or its parent); returns the last one's id.</summary>
    private long AddMissingDirectories(JournalEntry entry, AlluxioUri path, bool includeTarget, int mode, bool persisted, CallContext call)
    {
        InodePath resolved;
        using (Tree.ReadLocked())
        {
            resolved = Tree.Resolve(path);
        }

        // An overwritten file still exists while the entry is built; its parent is the one to create under.
        var parentId = resolved.Exists && !includeTarget ? resolved.Parent!.Id : resolved.LastExisting.Id;
        var last = includeTarget ? resolved.Components.Count : resolved.Components.Count - 1;
        var now = _context.NowMs;
        for (var depth = resolved.Inodes.Count; depth <= last; depth++)
        {
            var id = Tree.NextInodeId();
            entry.Ops.Add(new JournalOp
            {
                CreateDirectory = new InodeDirectoryEntry
                {
                    Id = id,
                    ParentId = parentId,
                    Name = resolved.Components[depth - 1],
                    CreationTimeMs = now,
                    LastModificationTimeMs = now,
                    Owner = call.User,
                    Group = call.Group,
                    Mode = mode,
                    PersistenceState = persisted ? PersistenceState.Persisted : PersistenceState.NotPersisted,
                    Ttl = Inode.NoTtl,
                    TtlAction = TtlAction.Delete,

                    // Made here, so Alluxio knows all its children: nothing to list from the UFS later.
                    DirectChildrenLoaded = true,
                },
            });
            parentId = id;
        }

        return parentId;
    }

    private static bool Persists(WritePType writeType) => writeType is not (WritePType.MustCache or WritePType.None);

    private (Mounts.MountInfo Mount, UnderFileSystem Ufs) MountOf(AlluxioUri path)
    {
        Mounts.MountInfo mount;
        using (Tree.ReadLocked())
        {
            mount = Tree.Mounts.Resolve(path)!;
        }

        return (mount, _context.Ufs.Get(mount));
    }
}
