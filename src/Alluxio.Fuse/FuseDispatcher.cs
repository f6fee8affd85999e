using System.Buffers;
using System.Runtime.InteropServices;
using Alluxio.Fuse.Interop;
using Microsoft.Extensions.Logging;

namespace Alluxio.Fuse;

/// <summary>
/// The libfuse side of a mount: each request's arguments (already copied by <see cref="LibFuse"/>) go to the
/// <see cref="IFuseFileSystem"/> under a deadline, and the result is replied from the thread that finished the work,
/// so a libfuse thread never waits on the cluster. Every failure becomes one errno reply (<see cref="Errno.From"/>);
/// exactly one reply is sent per request.
/// </summary>
internal sealed partial class FuseDispatcher : IDisposable
{
    private readonly IFuseFileSystem _fileSystem;
    private readonly OperationDeadlines _deadlines;
    private readonly FuseKernelSettings _kernel;
    private readonly ILogger _logger;
    private GCHandle _self;

    public FuseDispatcher(IFuseFileSystem fileSystem, FuseKernelSettings kernel, TimeSpan operationTimeout, TimeProvider time, ILogger logger)
    {
        _fileSystem = fileSystem;
        _kernel = kernel;
        _deadlines = new OperationDeadlines(operationTimeout, time);
        _logger = logger;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>What libfuse hands back to every callback as its user data.</summary>
    public nint UserData => GCHandle.ToIntPtr(_self);

    /// <summary>Whether the kernel's INIT arrived: the mount is being served.</summary>
    public bool Initialized { get; private set; }

    /// <summary>The read-ahead the kernel agreed to, in bytes.</summary>
    public uint NegotiatedReadahead { get; private set; }

    public static FuseDispatcher FromUserData(nint userData) => (FuseDispatcher)GCHandle.FromIntPtr(userData).Target!;

    public void Negotiate(ref LibFuse.ConnInfo connection)
    {
        var wanted = LibFuse.CapAsyncRead | LibFuse.CapAtomicOTrunc | LibFuse.CapReaddirplus | LibFuse.CapParallelDirops
            | LibFuse.CapAsyncDio | LibFuse.CapAutoInvalData;
        connection.Want |= wanted & connection.Capable;
        // readdirplus on every readdir: `ls -l` then costs one upcall per buffer, not one per entry.
        connection.Want &= ~(LibFuse.CapReaddirplusAuto | LibFuse.CapWritebackCache);
        connection.MaxWrite = _kernel.MaxWrite;
        if (_kernel.MaxReadahead < connection.MaxReadahead)
        {
            connection.MaxReadahead = _kernel.MaxReadahead;
        }

        connection.MaxBackground = _kernel.MaxBackground;
        connection.CongestionThreshold = _kernel.MaxBackground * 3 / 4;
        NegotiatedReadahead = connection.MaxReadahead;
        Initialized = true;
        LogNegotiated(_logger, connection.ProtoMajor, connection.ProtoMinor, connection.MaxWrite, connection.MaxReadahead, connection.Want);
    }

    public void CallbackFailed(string callback, Exception exception) => LogCallbackFailed(_logger, callback, exception);

    public void Forget(ulong ino, ulong count) => _fileSystem.Forget(ino, count);

    public void Lookup(nint request, ulong parent, string name) => _ = LookupAsync(request, parent, name);

    public void GetAttributes(nint request, ulong ino) => _ = GetAttributesAsync(request, ino);

    public void SetAttributes(nint request, ulong ino, FuseAttributeChange change, ulong? handle) => _ = SetAttributesAsync(request, ino, change, handle);

    public void MakeNode(nint request, ulong parent, string name, uint mode) =>
        _ = EntryAsync(request, "mknod", (fs, token) => fs.MakeNodeAsync(parent, name, mode, token));

    public void MakeDirectory(nint request, ulong parent, string name, uint mode) =>
        _ = EntryAsync(request, "mkdir", (fs, token) => fs.MakeDirectoryAsync(parent, name, mode, token));

    public void Unlink(nint request, ulong parent, string name) =>
        _ = DoneAsync(request, "unlink", (fs, token) => fs.UnlinkAsync(parent, name, token));

    public void RemoveDirectory(nint request, ulong parent, string name) =>
        _ = DoneAsync(request, "rmdir", (fs, token) => fs.RemoveDirectoryAsync(parent, name, token));

    public void Rename(nint request, ulong parent, string name, ulong newParent, string newName, uint flags) =>
        _ = DoneAsync(request, "rename", (fs, token) => fs.RenameAsync(parent, name, newParent, newName, flags, token));

    public void Flush(nint request, ulong ino, ulong handle, FuseCaller caller) =>
        _ = DoneAsync(request, "flush", (fs, token) => fs.FlushAsync(ino, handle, caller, token));

    public void Release(nint request, ulong ino, ulong handle) =>
        _ = DoneAsync(request, "release", (fs, token) => fs.ReleaseAsync(ino, handle, token));

    public void ReleaseDirectory(nint request, ulong ino, ulong handle) =>
        _ = DoneAsync(request, "releasedir", (fs, token) => fs.ReleaseDirectoryAsync(ino, handle, token));

    public void Open(nint request, ulong ino, int flags, FuseCaller caller) =>
        _ = OpenAsync(request, "open", (fs, token) => fs.OpenAsync(ino, flags, caller, token));

    public void OpenDirectory(nint request, ulong ino) => _ = OpenAsync(request, "opendir", (fs, token) => fs.OpenDirectoryAsync(ino, token));

    public void Create(nint request, ulong parent, string name, uint mode, int flags, FuseCaller caller) =>
        _ = CreateAsync(request, parent, name, mode, flags, caller);

    public void Read(nint request, ulong ino, ulong handle, long offset, int size) => _ = ReadAsync(request, ino, handle, offset, size);

    /// <summary>Copies the data first: libfuse's buffer is valid only until this call returns.</summary>
    public void Write(nint request, ulong ino, ulong handle, long offset, ReadOnlySpan<byte> data)
    {
        var copy = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(copy);
        _ = WriteAsync(request, ino, handle, offset, copy, data.Length);
    }

    public void ReadDirectory(nint request, ulong ino, ulong handle, long offset, int size, bool plus) =>
        _ = ReadDirectoryAsync(request, ino, handle, offset, size, plus);

    public void StatFs(nint request) => _ = StatFsAsync(request);

    public void Dispose()
    {
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    internal static LibFuse.Stat ToStat(in FuseAttributes attributes)
    {
        var seconds = Math.DivRem(attributes.ModifiedMs, 1000, out var milliseconds);
        var nanoseconds = milliseconds * 1_000_000;
        return new LibFuse.Stat
        {
            Ino = attributes.Ino,
            Mode = attributes.Mode,
            Nlink = attributes.LinkCount,
            Uid = attributes.Uid,
            Gid = attributes.Gid,
            Size = attributes.Size,
            BlockSize = 4096,
            Blocks = (attributes.Size + 511) / 512,
            AtimeSeconds = seconds,
            AtimeNanoseconds = nanoseconds,
            MtimeSeconds = seconds,
            MtimeNanoseconds = nanoseconds,
            CtimeSeconds = seconds,
            CtimeNanoseconds = nanoseconds,
        };
    }

    internal static LibFuse.EntryParam ToEntryParam(in FuseEntry entry) => new()
    {
        Ino = entry.Attributes.Ino,
        Attr = ToStat(entry.Attributes),
        AttrTimeout = entry.AttributeTimeout.TotalSeconds,
        EntryTimeout = entry.EntryTimeout.TotalSeconds,
    };

    private static LibFuse.FileInfo ToFileInfo(in FuseOpened opened, int flags)
    {
        var bits = (opened.DirectIo ? LibFuse.FileInfoDirectIo : 0)
            | (opened.KeepCache ? LibFuse.FileInfoKeepCache : 0)
            | (opened.CacheDirectory ? LibFuse.FileInfoCacheReaddir : 0);
        return new LibFuse.FileInfo { Flags = flags, Bits = bits, Handle = opened.Handle };
    }

    private static unsafe void ReplyEntry(nint request, in FuseEntry entry)
    {
        var param = ToEntryParam(entry);
        _ = LibFuse.ReplyEntry(request, &param);
    }

    private static unsafe void ReplyBuffer(nint request, byte[] buffer, int length)
    {
        fixed (byte* start = buffer)
        {
            _ = LibFuse.ReplyBuffer(request, start, (nuint)length);
        }
    }

    private static unsafe void ReplyAttributes(nint request, in FuseAttributeReply reply)
    {
        var stat = ToStat(reply.Attributes);
        _ = LibFuse.ReplyAttr(request, &stat, reply.Timeout.TotalSeconds);
    }

    private static unsafe void ReplyOpen(nint request, in FuseOpened opened)
    {
        var info = ToFileInfo(opened, 0);
        _ = LibFuse.ReplyOpen(request, &info);
    }

    private static unsafe void ReplyCreate(nint request, in FuseCreated created)
    {
        var param = ToEntryParam(created.Entry);
        var info = ToFileInfo(created.Opened, 0);
        _ = LibFuse.ReplyCreate(request, &param, &info);
    }

    private static unsafe void ReplyStatFs(nint request, in FuseFileSystemStats stats)
    {
        var native = new LibFuse.StatVfs
        {
            BlockSize = stats.BlockSize,
            FragmentSize = stats.BlockSize,
            Blocks = stats.Blocks,
            BlocksFree = stats.BlocksFree,
            BlocksAvailable = stats.BlocksFree,
            Files = stats.Files,
            FilesFree = stats.FilesFree,
            FilesAvailable = stats.FilesFree,
            NameMax = stats.NameMax,
        };
        _ = LibFuse.ReplyStatFs(request, &native);
    }

    private async Task LookupAsync(nint request, ulong parent, string name)
    {
        var deadline = _deadlines.Rent();
        try
        {
            var entry = await _fileSystem.LookupAsync(parent, name, deadline.Token).ConfigureAwait(false);
            if (entry.Attributes.Ino == 0 && entry.EntryTimeout <= TimeSpan.Zero)
            {
                _ = LibFuse.ReplyError(request, Errno.ENOENT);
            }
            else
            {
                ReplyEntry(request, entry);
            }
        }
        catch (Exception e)
        {
            Failed(request, "lookup", e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task GetAttributesAsync(nint request, ulong ino)
    {
        var deadline = _deadlines.Rent();
        try
        {
            ReplyAttributes(request, await _fileSystem.GetAttributesAsync(ino, deadline.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Failed(request, "getattr", e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task SetAttributesAsync(nint request, ulong ino, FuseAttributeChange change, ulong? handle)
    {
        var deadline = _deadlines.Rent();
        try
        {
            ReplyAttributes(request, await _fileSystem.SetAttributesAsync(ino, change, handle, deadline.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Failed(request, "setattr", e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task EntryAsync(nint request, string operation, Func<IFuseFileSystem, CancellationToken, ValueTask<FuseEntry>> call)
    {
        var deadline = _deadlines.Rent();
        try
        {
            ReplyEntry(request, await call(_fileSystem, deadline.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Failed(request, operation, e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task DoneAsync(nint request, string operation, Func<IFuseFileSystem, CancellationToken, ValueTask> call)
    {
        var deadline = _deadlines.Rent();
        try
        {
            await call(_fileSystem, deadline.Token).ConfigureAwait(false);
            _ = LibFuse.ReplyError(request, 0);
        }
        catch (Exception e)
        {
            Failed(request, operation, e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task OpenAsync(nint request, string operation, Func<IFuseFileSystem, CancellationToken, ValueTask<FuseOpened>> call)
    {
        var deadline = _deadlines.Rent();
        try
        {
            ReplyOpen(request, await call(_fileSystem, deadline.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Failed(request, operation, e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task CreateAsync(nint request, ulong parent, string name, uint mode, int flags, FuseCaller caller)
    {
        var deadline = _deadlines.Rent();
        try
        {
            ReplyCreate(request, await _fileSystem.CreateAsync(parent, name, mode, flags, caller, deadline.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Failed(request, "create", e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private async Task ReadAsync(nint request, ulong ino, ulong handle, long offset, int size)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var deadline = _deadlines.Rent();
        try
        {
            var read = await _fileSystem.ReadAsync(ino, handle, offset, buffer.AsMemory(0, size), deadline.Token).ConfigureAwait(false);
            ReplyBuffer(request, buffer, read);
        }
        catch (Exception e)
        {
            Failed(request, "read", e);
        }
        finally
        {
            _deadlines.Return(deadline);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WriteAsync(nint request, ulong ino, ulong handle, long offset, byte[] data, int length)
    {
        var deadline = _deadlines.Rent();
        try
        {
            var written = await _fileSystem.WriteAsync(ino, handle, offset, data.AsMemory(0, length), deadline.Token).ConfigureAwait(false);
            _ = LibFuse.ReplyWrite(request, (nuint)written);
        }
        catch (Exception e)
        {
            Failed(request, "write", e);
        }
        finally
        {
            _deadlines.Return(deadline);
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private async Task ReadDirectoryAsync(nint request, ulong ino, ulong handle, long offset, int size, bool plus)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var deadline = _deadlines.Rent();
        try
        {
            var writer = new FuseDirectoryWriter(request, buffer, size, plus);
            await _fileSystem.ReadDirectoryAsync(ino, handle, offset, writer, deadline.Token).ConfigureAwait(false);
            ReplyBuffer(request, buffer, writer.Length);
        }
        catch (Exception e)
        {
            Failed(request, plus ? "readdirplus" : "readdir", e);
        }
        finally
        {
            _deadlines.Return(deadline);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task StatFsAsync(nint request)
    {
        var deadline = _deadlines.Rent();
        try
        {
            ReplyStatFs(request, await _fileSystem.StatFsAsync(deadline.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Failed(request, "statfs", e);
        }
        finally
        {
            _deadlines.Return(deadline);
        }
    }

    private void Failed(nint request, string operation, Exception exception)
    {
        var errno = Errno.From(exception);
        if (errno == Errno.EIO || errno == Errno.ETIMEDOUT)
        {
            LogOperationFailed(_logger, operation, errno, exception.Message, exception);
        }
        else
        {
            LogOperationRefused(_logger, operation, errno, exception.Message);
        }

        _ = LibFuse.ReplyError(request, errno);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FUSE connection {Major}.{Minor}: max_write {MaxWrite}, max_readahead {MaxReadahead}, capabilities 0x{Want:x}")]
    private static partial void LogNegotiated(ILogger logger, uint major, uint minor, uint maxWrite, uint maxReadahead, uint want);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FUSE {Operation} failed with errno {Errno}: {Reason}")]
    private static partial void LogOperationFailed(ILogger logger, string operation, int errno, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "FUSE {Operation} answered errno {Errno}: {Reason}")]
    private static partial void LogOperationRefused(ILogger logger, string operation, int errno, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A FUSE callback ({Callback}) failed; the request was answered with EIO")]
    private static partial void LogCallbackFailed(ILogger logger, string callback, Exception exception);
}
