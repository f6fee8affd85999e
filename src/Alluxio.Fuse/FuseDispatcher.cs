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
    private readonly TimeSpan _operationTimeout;
    private readonly TimeProvider _time;
    private readonly FuseKernelSettings _kernel;
    private readonly ILogger _logger;
    private readonly FuseMetrics _metrics;
    private GCHandle _self;
    private int _inFlight;

    public FuseDispatcher(IFuseFileSystem fileSystem, FuseKernelSettings kernel, TimeSpan operationTimeout, FuseMetrics metrics, TimeProvider time, ILogger logger)
    {
        _metrics = metrics;
        _fileSystem = fileSystem;
        _kernel = kernel;
        _operationTimeout = operationTimeout;
        _time = time;
        _logger = logger;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>What libfuse hands back to every callback as its user data.</summary>
    public nint UserData => GCHandle.ToIntPtr(_self);

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
        LogNegotiated(_logger, connection.ProtoMajor, connection.ProtoMinor, connection.MaxWrite, connection.MaxReadahead, connection.Want);
    }

    public void CallbackFailed(string callback, Exception exception) => LogCallbackFailed(_logger, callback, exception);

    public void Forget(ulong ino, ulong count) => _fileSystem.Forget(ino, count);

    public void Lookup(nint request, ulong parent, string name) =>
        _ = RunAsync(request, FuseOperation.Lookup, (fs, token) => fs.LookupAsync(parent, name, token), static (r, entry) =>
        {
            if (entry.Attributes.Ino == 0 && entry.EntryTimeout <= TimeSpan.Zero)
            {
                _ = LibFuse.ReplyError(r, Errno.ENOENT);
            }
            else
            {
                ReplyEntry(r, entry);
            }
        });

    public void GetAttributes(nint request, ulong ino) =>
        _ = RunAsync(request, FuseOperation.Getattr, (fs, token) => fs.GetAttributesAsync(ino, token), ReplyAttributes);

    public void SetAttributes(nint request, ulong ino, FuseAttributeChange change, ulong? handle) =>
        _ = RunAsync(request, FuseOperation.Setattr, (fs, token) => fs.SetAttributesAsync(ino, change, handle, token), ReplyAttributes);

    public void MakeNode(nint request, ulong parent, string name, uint mode) =>
        _ = RunAsync(request, FuseOperation.Mknod, (fs, token) => fs.MakeNodeAsync(parent, name, mode, token), ReplyEntry);

    public void MakeDirectory(nint request, ulong parent, string name, uint mode) =>
        _ = RunAsync(request, FuseOperation.Mkdir, (fs, token) => fs.MakeDirectoryAsync(parent, name, mode, token), ReplyEntry);

    public void Unlink(nint request, ulong parent, string name) =>
        _ = RunAsync(request, FuseOperation.Unlink, (fs, token) => DoneAsync(fs.UnlinkAsync(parent, name, token)), ReplyDone);

    public void RemoveDirectory(nint request, ulong parent, string name) =>
        _ = RunAsync(request, FuseOperation.Rmdir, (fs, token) => DoneAsync(fs.RemoveDirectoryAsync(parent, name, token)), ReplyDone);

    public void Rename(nint request, ulong parent, string name, ulong newParent, string newName, uint flags) =>
        _ = RunAsync(request, FuseOperation.Rename, (fs, token) => DoneAsync(fs.RenameAsync(parent, name, newParent, newName, flags, token)), ReplyDone);

    public void Flush(nint request, ulong ino, ulong handle, FuseCaller caller) =>
        _ = RunAsync(request, FuseOperation.Flush, (fs, token) => DoneAsync(fs.FlushAsync(ino, handle, caller, token)), ReplyDone);

    public void Release(nint request, ulong ino, ulong handle) =>
        _ = RunAsync(request, FuseOperation.Release, (fs, token) => DoneAsync(fs.ReleaseAsync(ino, handle, token)), ReplyDone);

    public void ReleaseDirectory(nint request, ulong ino, ulong handle) =>
        _ = RunAsync(request, FuseOperation.Releasedir, (fs, token) => DoneAsync(fs.ReleaseDirectoryAsync(ino, handle, token)), ReplyDone);

    public void Open(nint request, ulong ino, int flags, FuseCaller caller) =>
        _ = RunAsync(request, FuseOperation.Open, (fs, token) => fs.OpenAsync(ino, flags, caller, token), ReplyOpen);

    public void OpenDirectory(nint request, ulong ino) =>
        _ = RunAsync(request, FuseOperation.Opendir, (fs, token) => fs.OpenDirectoryAsync(ino, token), ReplyOpen);

    public void Create(nint request, ulong parent, string name, uint mode, int flags, FuseCaller caller) =>
        _ = RunAsync(request, FuseOperation.Create, (fs, token) => fs.CreateAsync(parent, name, mode, flags, caller, token), ReplyCreate);

    public void Read(nint request, ulong ino, ulong handle, long offset, int size)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        _ = RunAsync(
            request,
            FuseOperation.Read,
            (fs, token) => fs.ReadAsync(ino, handle, offset, buffer.AsMemory(0, size), token),
            (r, read) => ReplyBuffer(r, buffer, read),
            () => ArrayPool<byte>.Shared.Return(buffer));
    }

    /// <summary>Copies the data first: libfuse's buffer is valid only until this call returns.</summary>
    public void Write(nint request, ulong ino, ulong handle, long offset, ReadOnlySpan<byte> data)
    {
        var copy = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(copy);
        var length = data.Length;
        _ = RunAsync(
            request,
            FuseOperation.Write,
            (fs, token) => fs.WriteAsync(ino, handle, offset, copy.AsMemory(0, length), token),
            static (r, written) => _ = LibFuse.ReplyWrite(r, (nuint)written),
            () => ArrayPool<byte>.Shared.Return(copy));
    }

    public void ReadDirectory(nint request, ulong ino, ulong handle, long offset, int size, bool plus)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var writer = new FuseDirectoryWriter(request, buffer, size, plus);
        _ = RunAsync(
            request,
            plus ? FuseOperation.Readdirplus : FuseOperation.Readdir,
            async (fs, token) =>
            {
                await fs.ReadDirectoryAsync(ino, handle, offset, writer, token).ConfigureAwait(false);
                return writer.Length;
            },
            (r, length) => ReplyBuffer(r, buffer, length),
            () => ArrayPool<byte>.Shared.Return(buffer));
    }

    public void StatFs(nint request) => _ = RunAsync(request, FuseOperation.Statfs, (fs, token) => fs.StatFsAsync(token), ReplyStatFs);

    /// <summary>
    /// Waits, up to <paramref name="timeout"/>, until no request is being served, so the session can be destroyed
    /// without a late reply reaching it. False when some are still running.
    /// </summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        var started = _time.GetTimestamp();
        while (Volatile.Read(ref _inFlight) > 0)
        {
            if (_time.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), _time).ConfigureAwait(false);
        }

        return true;
    }

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

    private static unsafe void ReplyEntry(nint request, FuseEntry entry)
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

    private static unsafe void ReplyAttributes(nint request, FuseAttributeReply reply)
    {
        var stat = ToStat(reply.Attributes);
        _ = LibFuse.ReplyAttr(request, &stat, reply.Timeout.TotalSeconds);
    }

    private static unsafe void ReplyOpen(nint request, FuseOpened opened)
    {
        var info = ToFileInfo(opened, 0);
        _ = LibFuse.ReplyOpen(request, &info);
    }

    private static unsafe void ReplyCreate(nint request, FuseCreated created)
    {
        var param = ToEntryParam(created.Entry);
        var info = ToFileInfo(created.Opened, 0);
        _ = LibFuse.ReplyCreate(request, &param, &info);
    }

    private static unsafe void ReplyStatFs(nint request, FuseFileSystemStats stats)
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

    private static ValueTask<bool> DoneAsync(ValueTask call) => call.IsCompletedSuccessfully ? ValueTask.FromResult(true) : AwaitDoneAsync(call);

    private static async ValueTask<bool> AwaitDoneAsync(ValueTask call)
    {
        await call.ConfigureAwait(false);
        return true;
    }

    private static void ReplyDone(nint request, bool done) => _ = LibFuse.ReplyError(request, 0);

    /// <summary>
    /// Serves one request: the call under the operation deadline, then exactly one reply — the result's, or the
    /// failure's errno — and the cleanup (pooled buffers) after the reply.
    /// </summary>
    private async Task RunAsync<T>(
        nint request, FuseOperation operation, Func<IFuseFileSystem, CancellationToken, ValueTask<T>> call, Action<nint, T> reply, Action? cleanup = null)
    {
        Interlocked.Increment(ref _inFlight);
        var started = _metrics.Start();
        try
        {
            using var deadline = new CancellationTokenSource(_operationTimeout, _time);
            T result;
            try
            {
                result = await call(_fileSystem, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Failed(request, operation, e);
                return;
            }

            reply(request, result);
        }
        finally
        {
            cleanup?.Invoke();
            _metrics.Stop(operation, started);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Failed(nint request, FuseOperation operation, Exception exception)
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
    private static partial void LogOperationFailed(ILogger logger, FuseOperation operation, int errno, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "FUSE {Operation} answered errno {Errno}: {Reason}")]
    private static partial void LogOperationRefused(ILogger logger, FuseOperation operation, int errno, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A FUSE callback ({Callback}) failed; the request was answered with EIO")]
    private static partial void LogCallbackFailed(ILogger logger, string callback, Exception exception);
}
