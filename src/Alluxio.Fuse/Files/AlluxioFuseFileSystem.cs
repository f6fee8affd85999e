using Alluxio.Client;
using Alluxio.Client.Data;
using Alluxio.Client.Options;
using Alluxio.Errors;
using Microsoft.Extensions.Logging;

namespace Alluxio.Fuse.Files;

/// <summary>
/// The Alluxio namespace under <see cref="AlluxioFuseSettings.RootPath"/> as a FUSE file system, with Alluxio 2.x's
/// POSIX semantics: files are read at any offset, written once and in order (a new file, or an existing one opened
/// with O_TRUNC or truncated to 0), and committed when closed; directories are made, listed, renamed and removed;
/// mode and owner change through setAttribute. Links, special files and in-place changes are refused with ENOTSUP.
/// </summary>
public sealed partial class AlluxioFuseFileSystem : IFuseFileSystem, IAsyncDisposable
{
    private const int ORdWr = 2;
    private const int OWrOnly = 1;
    private const int OAccMode = 3;
    private const int OTrunc = 0x200;
    private const int OAppend = 0x400;
    private const int OExcl = 0x80;
    private const uint PermissionBits = 0xFFF;
    private const int RenameNoReplace = 1;
    private const int RenameExchange = 2;

    private static readonly TimeSpan s_noCache = TimeSpan.Zero;

    /// <summary>How old a lookup's status may be for an open to read from it instead of asking the master, at most (and no older than the metadata cache allows).</summary>
    private static readonly TimeSpan s_statusReuse = TimeSpan.FromSeconds(1);

    private readonly FileSystem _fileSystem;
    private readonly AlluxioFuseSettings _settings;
    private readonly UserDirectory _users;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InodeTable _inodes;
    private readonly OpenHandles _handles = new();
    private readonly SemaphoreSlim _statFsLock = new(1, 1);
    private volatile IFuseKernelCache? _kernelCache;
    private (FuseFileSystemStats Stats, long FetchedAt)? _statFs;

    public AlluxioFuseFileSystem(FileSystem fileSystem, AlluxioFuseSettings settings, TimeProvider time, ILoggerFactory loggerFactory)
        : this(fileSystem, settings, new UserDirectory(Interop.LibC.EffectiveUserId(), Interop.LibC.EffectiveGroupId()), time, loggerFactory)
    {
    }

    internal AlluxioFuseFileSystem(FileSystem fileSystem, AlluxioFuseSettings settings, UserDirectory users, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _fileSystem = fileSystem;
        _settings = settings;
        _users = users;
        _time = time;
        _logger = loggerFactory.CreateLogger<AlluxioFuseFileSystem>();
        _inodes = new InodeTable(AlluxioPath.Resolve(settings.RootPath));
    }

    /// <summary>Files and directories open through the mount now.</summary>
    public int OpenHandleCount => _handles.Count;

    /// <summary>Inodes the kernel holds references to, the root included.</summary>
    public int InodeCount => _inodes.Count;

    private FuseMountOptions Options => _settings.Options;

    /// <summary>Checks that the mounted directory exists and learns its file id; call before mounting.</summary>
    /// <exception cref="AlluxioException">The directory does not exist or the master cannot be reached.</exception>
    public async Task CheckRootAsync(CancellationToken cancellationToken)
    {
        var status = await _fileSystem.GetStatusAsync(_inodes.Root.RequirePath(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!status.IsFolder)
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"{status.Path} is a file; mount a directory of the namespace.");
        }

        _inodes.SetRootFileId(status.FileId);
    }

    public void Mounted(IFuseKernelCache kernelCache) => _kernelCache = kernelCache;

    public async ValueTask<FuseEntry> LookupAsync(ulong parent, string name, CancellationToken cancellationToken)
    {
        var path = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        UriStatus status;
        try
        {
            status = await _fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileDoesNotExist)
        {
            return new FuseEntry(default, Options.NegativeTimeout, s_noCache);
        }

        return Remember(path, status);
    }

    public void Forget(ulong ino, ulong count) => _inodes.Forget(ino, count);

    public async ValueTask<FuseAttributeReply> GetAttributesAsync(ulong ino, CancellationToken cancellationToken)
    {
        var inode = _inodes.Get(ino);
        if (inode.Writer is { } writer)
        {
            return new FuseAttributeReply(WrittenAttributes(inode, writer), s_noCache);
        }

        if (inode.Snapshot is { } snapshot && (inode.Path is null || _time.GetElapsedTime(snapshot.FetchedAt) < _settings.StatusCacheTime))
        {
            return new FuseAttributeReply(snapshot.Attributes, AttributeTimeout(snapshot.Complete, snapshot.Attributes));
        }

        var status = await _fileSystem.GetStatusAsync(inode.RequirePath(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var attributes = Update(inode, status);
        return new FuseAttributeReply(attributes, AttributeTimeout(status.IsCompleted, attributes));
    }

    public async ValueTask<FuseAttributeReply> SetAttributesAsync(ulong ino, FuseAttributeChange change, ulong? handle, CancellationToken cancellationToken)
    {
        var inode = _inodes.Get(ino);
        var path = inode.RequirePath();
        if (change.Size == 0 && handle is { } id && _handles.Find(id) is ReadHandle { ReadWriteOwner: { } owner } reader)
        {
            // open(O_RDWR) then ftruncate(fd, 0), as `open(path, "r+")` and `truncate()` do: the handle goes on as a
            // writer of the file's replacement, as in Alluxio's FUSE. Of calls that race, one makes the writer.
            if (reader.ClaimForWriting())
            {
                var writer = await StartWriterAsync(inode, path, owner, cancellationToken).ConfigureAwait(false);
                var replaced = _handles.Replace(id, reader, writer);
                await (replaced ? reader : (IAsyncDisposable)writer).DisposeAsync().ConfigureAwait(false);
                if (!replaced)
                {
                    throw new FuseException(Errno.EBADF, $"Handle {id} was closed while {path} was being truncated; it is empty now.");
                }
            }
        }
        else if (change.Size is { } size)
        {
            await TruncateAsync(inode, path, size, cancellationToken).ConfigureAwait(false);
        }

        if (change.Mode is not null || change.Uid is not null || change.Gid is not null)
        {
            var options = new SetAttributeOptions
            {
                Mode = change.Mode is { } mode ? (int)(mode & PermissionBits) : null,
                Owner = change.Uid is { } uid ? _users.UserName(uid) : null,
                Group = change.Gid is { } gid ? _users.GroupName(gid) : null,
            };
            await _fileSystem.SetAttributeAsync(path, options, cancellationToken).ConfigureAwait(false);
        }

        // Times (utimens, touch) are not kept by Alluxio: accepted and left, as Alluxio's FUSE does.
        inode.Snapshot = null;
        return await GetAttributesAsync(ino, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<FuseEntry> MakeDirectoryAsync(ulong parent, string name, uint mode, CancellationToken cancellationToken)
    {
        var path = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        var status = await _fileSystem.CreateDirectoryAsync(
            path, new CreateDirectoryOptions { Mode = (int)(mode & PermissionBits) }, cancellationToken).ConfigureAwait(false);
        return Remember(path, status);
    }

    public async ValueTask<FuseEntry> MakeNodeAsync(ulong parent, string name, uint mode, CancellationToken cancellationToken)
    {
        if ((mode & 0xF000) != FuseAttributes.FileTypeRegular)
        {
            throw new FuseException(Errno.ENOTSUP, $"{name}: Alluxio holds only regular files and directories; devices, pipes and sockets cannot be made.");
        }

        var path = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        var stream = await _fileSystem.CreateFileAsync(path, new CreateFileOptions { Mode = (int)(mode & PermissionBits) }, cancellationToken).ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        var status = await _fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Remember(path, status);
    }

    public async ValueTask UnlinkAsync(ulong parent, string name, CancellationToken cancellationToken)
    {
        var path = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        await CommittedAsync(path, cancellationToken).ConfigureAwait(false);
        await _fileSystem.DeleteAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        _inodes.Removed(path);
    }

    public async ValueTask RemoveDirectoryAsync(ulong parent, string name, CancellationToken cancellationToken)
    {
        var path = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        var status = await _fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!status.IsFolder)
        {
            throw new FuseException(Errno.ENOTDIR, $"{path} is a file; rmdir removes directories.");
        }

        await _fileSystem.DeleteAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        _inodes.Removed(path);
    }

    public async ValueTask RenameAsync(ulong parent, string name, ulong newParent, string newName, uint flags, CancellationToken cancellationToken)
    {
        var from = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        var to = AlluxioPaths.Child(_inodes.Get(newParent).RequirePath(), newName);
        if ((flags & RenameExchange) != 0)
        {
            throw new FuseException(Errno.ENOTSUP, $"Alluxio cannot exchange {from} and {to} atomically (RENAME_EXCHANGE).");
        }

        await CommittedAsync(from, cancellationToken).ConfigureAwait(false);
        await CommittedAsync(to, cancellationToken).ConfigureAwait(false);

        try
        {
            await _fileSystem.RenameAsync(from, to, cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileAlreadyExists && (flags & RenameNoReplace) == 0)
        {
            // POSIX rename replaces its target; Alluxio's refuses, so the target goes first.
            await ReplaceAsync(from, to, cancellationToken).ConfigureAwait(false);
        }

        _inodes.Renamed(from, to);
    }

    public async ValueTask<FuseOpened> OpenAsync(ulong ino, int flags, FuseCaller caller, CancellationToken cancellationToken)
    {
        var inode = _inodes.Get(ino);
        var path = inode.RequirePath();
        var access = flags & OAccMode;
        if (access is OWrOnly or ORdWr)
        {
            if ((flags & OTrunc) != 0)
            {
                return await OpenWriterAsync(inode, path, caller, cancellationToken).ConfigureAwait(false);
            }

            var status = await _fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (status.Length == 0 && status.IsCompleted)
            {
                return await OpenWriterAsync(inode, path, caller, cancellationToken).ConfigureAwait(false);
            }

            if (access == OWrOnly || (flags & OAppend) != 0)
            {
                throw new FuseException(Errno.EOPNOTSUPP, $"{path} is written once: open it with O_TRUNC (or truncate it to 0) to replace it; appending and changing it in place are not supported.");
            }
        }

        if (inode.Writer is { } writer)
        {
            // Written through this mount and closed, its commit may still be on its way (release follows close).
            await writer.Done.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // open(2) looks the name up, then opens: with the metadata cache on, the status the lookup just fetched saves a
        // second call to the master. With it off, every open asks, so none reads a file replaced since the lookup.
        var stream = inode.TakeStatus(_time, s_statusReuse < _settings.StatusCacheTime ? s_statusReuse : _settings.StatusCacheTime) is { } known
            ? _fileSystem.OpenFile(known)
            : await _fileSystem.OpenFileAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var opened = stream.Status;
        var version = new FileVersion(opened.FileId, opened.Length, opened.LastModificationTimeMs);
        var keepCache = Options.KernelCache || inode.CachedVersion == version;
        inode.CachedVersion = version;
        var readWriteOwner = access == ORdWr ? ProcessIds.ProcessOf(caller.Pid) : (int?)null;
        return new FuseOpened(_handles.Add(new ReadHandle(stream, readWriteOwner)), KeepCache: keepCache, DirectIo: Options.DirectIo);
    }

    public async ValueTask<FuseCreated> CreateAsync(ulong parent, string name, uint mode, int flags, FuseCaller caller, CancellationToken cancellationToken)
    {
        var path = AlluxioPaths.Child(_inodes.Get(parent).RequirePath(), name);
        FileOutStream stream;
        try
        {
            stream = await _fileSystem.CreateFileAsync(path, new CreateFileOptions { Mode = (int)(mode & PermissionBits) }, cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileAlreadyExists && (flags & OExcl) == 0)
        {
            // Another client made the name since the kernel looked it up: open(O_CREAT) without O_EXCL opens it.
            var existing = Remember(path, await _fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false));
            return new FuseCreated(existing, await OpenAsync(existing.Attributes.Ino, flags, caller, cancellationToken).ConfigureAwait(false));
        }

        var status = stream.Status;
        var inode = _inodes.Remember(_inodes.InoOf(status.FileId), path);
        var writer = new WriteHandle(inode, stream, ProcessIds.ProcessOf(caller.Pid));
        inode.Writer = writer;
        var entry = new FuseEntry(WrittenAttributes(inode, writer), Options.EntryTimeout, s_noCache);
        return new FuseCreated(entry, new FuseOpened(_handles.Add(writer), DirectIo: Options.DirectIo));
    }

    public ValueTask<FuseRead> ReadAsync(ulong ino, ulong handle, long offset, Memory<byte> destination, CancellationToken cancellationToken) =>
        _handles.Get<ReadHandle>(handle).ReadAsync(offset, destination, cancellationToken);

    public ValueTask<int> WriteAsync(ulong ino, ulong handle, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        _handles.Get<IAsyncDisposable>(handle) switch
        {
            WriteHandle writer => writer.WriteAsync(offset, data, cancellationToken),
            // O_RDWR on a complete file opens it for reading: Alluxio files are not changed in place.
            ReadHandle => throw new FuseException(Errno.EOPNOTSUPP, $"Inode {ino} was opened read-write but is complete: open it with O_TRUNC, or truncate it to 0 first, to replace it."),
            _ => throw new FuseException(Errno.EBADF, $"Handle {handle} is not an open file."),
        };

    public async ValueTask FlushAsync(ulong ino, ulong handle, FuseCaller caller, CancellationToken cancellationToken)
    {
        if (_handles.Get<IAsyncDisposable>(handle) is not WriteHandle writer)
        {
            return;
        }

        writer.Closed = true;
        if (writer is { Written: true, OwnerProcess: > 0 } && ProcessIds.ProcessOf(caller.Pid) == writer.OwnerProcess)
        {
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask ReleaseAsync(ulong ino, ulong handle, CancellationToken cancellationToken)
    {
        if (_handles.Remove(handle) is { } open)
        {
            try
            {
                if (open is WriteHandle writer)
                {
                    await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await open.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is AlluxioException or IOException or OperationCanceledException)
            {
                // The kernel ignores a release's answer; a commit that fails here (no flush came first) is logged.
                LogReleaseFailed(_logger, ino, e.Message, e);
            }
        }
    }

    public ValueTask<FuseOpened> OpenDirectoryAsync(ulong ino, CancellationToken cancellationToken)
    {
        var inode = _inodes.Get(ino);
        var path = inode.RequirePath();
        var handle = new DirectoryHandle(inode, token => _fileSystem.ListStatusAsync(path, cancellationToken: token));
        return ValueTask.FromResult(new FuseOpened(_handles.Add(handle)));
    }

    public async ValueTask ReadDirectoryAsync(ulong ino, ulong handle, long offset, IFuseDirectoryWriter writer, CancellationToken cancellationToken)
    {
        var directory = _handles.Get<DirectoryHandle>(handle);
        await directory.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        try
        {
            await directory.SeekAsync(offset, cancellationToken).ConfigureAwait(false);
            if (directory.Position == 0 && !writer.TryAdd(".", DotEntry(directory.Inode.Ino), 1))
            {
                return;
            }

            if (directory.Position == 0)
            {
                directory.Advance();
            }

            if (directory.Position == 1)
            {
                if (!writer.TryAdd("..", DotEntry(InodeTable.RootIno), 2))
                {
                    return;
                }

                directory.Advance();
            }

            var parentPath = directory.Inode.RequirePath();
            while (await NextOrEndAsync(directory, added, cancellationToken).ConfigureAwait(false) is { } child)
            {
                var childIno = _inodes.InoOf(child.FileId);
                var attributes = AttributesOf(childIno, child);
                var entry = new FuseEntry(attributes, Options.EntryTimeout, AttributeTimeout(child.IsCompleted, attributes));
                if (!writer.TryAdd(child.Name, entry, directory.Position + 1))
                {
                    directory.Pending = child;
                    return;
                }

                if (writer.Plus)
                {
                    // readdirplus hands the kernel a lookup reference to every entry it returns.
                    var inode = _inodes.Remember(childIno, AlluxioPaths.Child(parentPath, child.Name));
                    inode.Snapshot = new InodeSnapshot(attributes, child.IsCompleted, _time.GetTimestamp());
                    inode.ListedBy = directory.ListingId;
                }

                added++;
                directory.Advance();
            }

            if (writer.Plus && directory is { AtEnd: true, Whole: true })
            {
                ForgetUnlisted(directory, parentPath);
            }
        }
        catch (Exception)
        {
            await directory.ResetAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            directory.Lock.Release();
        }
    }

    /// <summary>
    /// A whole listing is what the master holds now: a name the kernel still caches that it did not include was
    /// removed or renamed by someone else, and the kernel is told to drop it rather than answer stat with it until
    /// entry_timeout.
    /// </summary>
    private void ForgetUnlisted(DirectoryHandle directory, string path)
    {
        if (_kernelCache is not { } kernelCache)
        {
            return;
        }

        foreach (var (name, child) in _inodes.ChildrenOf(path))
        {
            if (child.ListedBy != directory.ListingId && child.Writer is null)
            {
                kernelCache.InvalidateEntry(directory.Inode.Ino, name);
            }
        }
    }

    /// <summary>
    /// The next child, or null at the end; also null when reading on fails after entries were added, so the kernel
    /// gets them (each readdirplus entry holds a lookup reference) and asks for the rest again.
    /// </summary>
    private static async ValueTask<UriStatus?> NextOrEndAsync(DirectoryHandle directory, int added, CancellationToken cancellationToken)
    {
        try
        {
            return await directory.NextAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (added > 0)
        {
            await directory.ResetAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Waits for the commit of a file the mount wrote and its writer closed: its release may still be on its way.</summary>
    private async ValueTask CommittedAsync(string path, CancellationToken cancellationToken)
    {
        if (_inodes.ClosedWriterAt(path) is { } writer)
        {
            await writer.Done.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask ReleaseDirectoryAsync(ulong ino, ulong handle, CancellationToken cancellationToken)
    {
        if (_handles.Remove(handle) is { } open)
        {
            await open.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask<FuseFileSystemStats> StatFsAsync(CancellationToken cancellationToken)
    {
        if (_statFs is { } cached && _time.GetElapsedTime(cached.FetchedAt) < _settings.StatFsRefresh)
        {
            return cached.Stats;
        }

        await _statFsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_statFs is { } again && _time.GetElapsedTime(again.FetchedAt) < _settings.StatFsRefresh)
            {
                return again.Stats;
            }

            const uint blockSize = 4096;
            var info = await _fileSystem.GetBlockMasterInfoAsync(cancellationToken).ConfigureAwait(false);
            var capacity = (ulong)Math.Max(0, info.CapacityBytes) / blockSize;
            var free = (ulong)Math.Max(0, info.CapacityBytes - info.UsedBytes) / blockSize;
            var stats = new FuseFileSystemStats(blockSize, capacity, free, 0, 0, AlluxioPaths.NameMax);
            _statFs = (stats, _time.GetTimestamp());
            return stats;
        }
        finally
        {
            _statFsLock.Release();
        }
    }

    /// <summary>Closes what is still open: files being written are discarded, not committed half-written.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var open in _handles.RemoveAll())
        {
            try
            {
                if (open is WriteHandle writer)
                {
                    await writer.DiscardAsync(CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await open.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is AlluxioException or IOException or OperationCanceledException)
            {
                LogReleaseFailed(_logger, 0, e.Message, e);
            }
        }

        _statFsLock.Dispose();
    }

    private static FuseEntry DotEntry(ulong ino) =>
        new(new FuseAttributes(ino, FuseAttributes.FileTypeDirectory | 0x1ED, 2, 0, 0, 0, 0), s_noCache, s_noCache);

    private FuseEntry Remember(string path, UriStatus status)
    {
        var inode = _inodes.Remember(_inodes.InoOf(status.FileId), path);
        var attributes = Update(inode, status);
        return new FuseEntry(attributes, Options.EntryTimeout, AttributeTimeout(status.IsCompleted, attributes));
    }

    private FuseAttributes Update(Inode inode, UriStatus status)
    {
        var attributes = AttributesOf(inode.Ino, status);
        inode.Snapshot = new InodeSnapshot(attributes, status.IsCompleted, _time.GetTimestamp(), status.IsCompleted && !status.IsFolder && _settings.StatusCacheTime > TimeSpan.Zero ? status : null);
        return attributes;
    }

    /// <summary>A file being written or one another client has not completed can change: the kernel must ask again.</summary>
    private TimeSpan AttributeTimeout(bool complete, in FuseAttributes attributes) =>
        complete || attributes.IsDirectory ? Options.AttributeTimeout : s_noCache;

    private FuseAttributes AttributesOf(ulong ino, UriStatus status) => new(
        ino,
        (status.IsFolder ? FuseAttributes.FileTypeDirectory : FuseAttributes.FileTypeRegular) | ((uint)status.Mode & PermissionBits),
        status.IsFolder ? 2u : 1u,
        _users.UidOf(status.Owner),
        _users.GidOf(status.Group),
        status.IsFolder ? 0 : status.Length,
        status.LastModificationTimeMs);

    private FuseAttributes WrittenAttributes(Inode inode, WriteHandle writer)
    {
        var known = inode.Snapshot?.Attributes;
        return new FuseAttributes(
            inode.Ino,
            known?.Mode ?? (FuseAttributes.FileTypeRegular | 0x1A4),
            1,
            known?.Uid ?? _users.LaunchUid,
            known?.Gid ?? _users.LaunchGid,
            writer.Length,
            known?.ModifiedMs ?? _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private async ValueTask<FuseOpened> OpenWriterAsync(Inode inode, string path, FuseCaller caller, CancellationToken cancellationToken)
    {
        var writer = await StartWriterAsync(inode, path, ProcessIds.ProcessOf(caller.Pid), cancellationToken).ConfigureAwait(false);
        return new FuseOpened(_handles.Add(writer), DirectIo: Options.DirectIo);
    }

    /// <summary>Replaces the file at <paramref name="path"/> with an empty one being written by <paramref name="ownerProcess"/>.</summary>
    private async ValueTask<WriteHandle> StartWriterAsync(Inode inode, string path, int ownerProcess, CancellationToken cancellationToken)
    {
        var mode = inode.Snapshot?.Attributes.Mode is { } known ? (int)(known & PermissionBits) : (int?)null;
        var stream = await _fileSystem.CreateFileAsync(path, new CreateFileOptions { Overwrite = true, Mode = mode }, cancellationToken).ConfigureAwait(false);
        var writer = new WriteHandle(inode, stream, ownerProcess);
        inode.Writer = writer;
        inode.CachedVersion = null;
        inode.DropStatus();
        return writer;
    }

    /// <summary>
    /// Only what Alluxio's files allow: the size they have, 0 on a file being written that has nothing yet, or 0 on
    /// a complete file, which replaces it with an empty one.
    /// </summary>
    private async ValueTask TruncateAsync(Inode inode, string path, long size, CancellationToken cancellationToken)
    {
        if (inode.Writer is { } writer)
        {
            if (size != writer.Length)
            {
                throw new FuseException(Errno.EOPNOTSUPP, $"{path} is being written ({writer.Length} bytes so far); it can only keep that size.");
            }

            return;
        }

        var status = await _fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (status.IsFolder)
        {
            throw new FuseException(Errno.EISDIR, $"{path} is a directory.");
        }

        if (size == status.Length)
        {
            return;
        }

        if (size != 0)
        {
            throw new FuseException(Errno.EOPNOTSUPP, $"{path} cannot be truncated to {size} bytes: Alluxio files are written once; only truncating to 0 (which replaces the file) is supported.");
        }

        var empty = await _fileSystem.CreateFileAsync(
            path, new CreateFileOptions { Overwrite = true, Mode = status.Mode & (int)PermissionBits }, cancellationToken).ConfigureAwait(false);
        await empty.DisposeAsync().ConfigureAwait(false);
        inode.CachedVersion = null;
    }

    private async ValueTask ReplaceAsync(string from, string to, CancellationToken cancellationToken)
    {
        var source = await _fileSystem.GetStatusAsync(from, cancellationToken: cancellationToken).ConfigureAwait(false);
        var target = await _fileSystem.GetStatusAsync(to, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (target.IsFolder && !source.IsFolder)
        {
            throw new FuseException(Errno.EISDIR, $"{to} is a directory; a file cannot replace it.");
        }

        if (!target.IsFolder && source.IsFolder)
        {
            throw new FuseException(Errno.ENOTDIR, $"{to} is a file; a directory cannot replace it.");
        }

        await _fileSystem.DeleteAsync(to, cancellationToken: cancellationToken).ConfigureAwait(false);
        _inodes.Removed(to);
        await _fileSystem.RenameAsync(from, to, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing inode {Ino} failed after its last descriptor was closed: {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, ulong ino, string reason, Exception exception);
}
