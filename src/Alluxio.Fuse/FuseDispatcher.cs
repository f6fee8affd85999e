using System.Buffers;
using System.Runtime.InteropServices;
using Alluxio.Client.Data;
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
    private readonly SharedDeadlines _deadlines;
    private readonly TimeProvider _time;
    private readonly FuseKernelSettings _kernel;
    private readonly ILogger _logger;
    private readonly FuseMetrics _metrics;
    private GCHandle _self;
    private bool _spliceReplies;
    private int _inFlight;

    public FuseDispatcher(IFuseFileSystem fileSystem, FuseKernelSettings kernel, TimeSpan operationTimeout, FuseMetrics metrics, TimeProvider time, ILogger logger)
    {
        _metrics = metrics;
        _fileSystem = fileSystem;
        _kernel = kernel;
        _deadlines = new SharedDeadlines(operationTimeout, time);
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
            | LibFuse.CapAsyncDio | LibFuse.CapAutoInvalData | (_kernel.SpliceWrite ? LibFuse.CapSpliceWrite : 0);
        connection.Want |= wanted & connection.Capable;
        // readdirplus on every readdir: `ls -l` then costs one upcall per buffer, not one per entry.
        connection.Want &= ~(LibFuse.CapReaddirplusAuto | LibFuse.CapWritebackCache);
        _spliceReplies = (connection.Want & LibFuse.CapSpliceWrite) != 0;
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
        _ = RunAsync(request, FuseOperation.Lookup, (parent, name), static (fs, a, token) => fs.LookupAsync(a.parent, a.name, token), static (r, state, entry) =>
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
        _ = RunAsync(request, FuseOperation.Getattr, ino, static (fs, ino, token) => fs.GetAttributesAsync(ino, token), static (r, _, result) => ReplyAttributes(r, result));

    public void SetAttributes(nint request, ulong ino, FuseAttributeChange change, ulong? handle) =>
        _ = RunAsync(request, FuseOperation.Setattr, (ino, change, handle), static (fs, a, token) => fs.SetAttributesAsync(a.ino, a.change, a.handle, token), static (r, _, result) => ReplyAttributes(r, result));

    public void MakeNode(nint request, ulong parent, string name, uint mode) =>
        _ = RunAsync(request, FuseOperation.Mknod, (parent, name, mode), static (fs, a, token) => fs.MakeNodeAsync(a.parent, a.name, a.mode, token), static (r, _, result) => ReplyEntry(r, result));

    public void MakeDirectory(nint request, ulong parent, string name, uint mode) =>
        _ = RunAsync(request, FuseOperation.Mkdir, (parent, name, mode), static (fs, a, token) => fs.MakeDirectoryAsync(a.parent, a.name, a.mode, token), static (r, _, result) => ReplyEntry(r, result));

    public void Unlink(nint request, ulong parent, string name) =>
        _ = RunAsync(request, FuseOperation.Unlink, (parent, name), static (fs, a, token) => DoneAsync(fs.UnlinkAsync(a.parent, a.name, token)), static (r, _, result) => ReplyDone(r, result));

    public void RemoveDirectory(nint request, ulong parent, string name) =>
        _ = RunAsync(request, FuseOperation.Rmdir, (parent, name), static (fs, a, token) => DoneAsync(fs.RemoveDirectoryAsync(a.parent, a.name, token)), static (r, _, result) => ReplyDone(r, result));

    public void Rename(nint request, ulong parent, string name, ulong newParent, string newName, uint flags) =>
        _ = RunAsync(
            request,
            FuseOperation.Rename,
            (parent, name, newParent, newName, flags),
            static (fs, a, token) => DoneAsync(fs.RenameAsync(a.parent, a.name, a.newParent, a.newName, a.flags, token)),
            static (r, _, result) => ReplyDone(r, result));

    public void Flush(nint request, ulong ino, ulong handle, FuseCaller caller) =>
        _ = RunAsync(request, FuseOperation.Flush, (ino, handle, caller), static (fs, a, token) => DoneAsync(fs.FlushAsync(a.ino, a.handle, a.caller, token)), static (r, _, result) => ReplyDone(r, result));

    public void Release(nint request, ulong ino, ulong handle) =>
        _ = RunAsync(request, FuseOperation.Release, (ino, handle), static (fs, a, token) => DoneAsync(fs.ReleaseAsync(a.ino, a.handle, token)), static (r, _, result) => ReplyDone(r, result));

    public void ReleaseDirectory(nint request, ulong ino, ulong handle) =>
        _ = RunAsync(request, FuseOperation.Releasedir, (ino, handle), static (fs, a, token) => DoneAsync(fs.ReleaseDirectoryAsync(a.ino, a.handle, token)), static (r, _, result) => ReplyDone(r, result));

    public void Open(nint request, ulong ino, int flags, FuseCaller caller) =>
        _ = RunAsync(request, FuseOperation.Open, (ino, flags, caller), static (fs, a, token) => fs.OpenAsync(a.ino, a.flags, a.caller, token), static (r, _, result) => ReplyOpen(r, result));

    public void OpenDirectory(nint request, ulong ino) =>
        _ = RunAsync(request, FuseOperation.Opendir, ino, static (fs, ino, token) => fs.OpenDirectoryAsync(ino, token), static (r, _, result) => ReplyOpen(r, result));

    public void Create(nint request, ulong parent, string name, uint mode, int flags, FuseCaller caller) =>
        _ = RunAsync(
            request,
            FuseOperation.Create,
            (parent, name, mode, flags, caller),
            static (fs, a, token) => fs.CreateAsync(a.parent, a.name, a.mode, a.flags, a.caller, token),
            static (r, _, result) => ReplyCreate(r, result));

    public void Read(nint request, ulong ino, ulong handle, long offset, int size) =>
        _ = RunAsync(
            request,
            FuseOperation.Read,
            (ino, handle, offset, size, buffer: ArrayPool<byte>.Shared.Rent(size), splice: _spliceReplies),
            static (fs, a, token) => fs.ReadAsync(a.ino, a.handle, a.offset, a.buffer.AsMemory(0, a.size), token),
            static (r, a, read) => ReplyRead(r, a.buffer, read, a.splice),
            static a => ArrayPool<byte>.Shared.Return(a.buffer));

    /// <summary>Copies the data first: libfuse's buffer is valid only until this call returns.</summary>
    public void Write(nint request, ulong ino, ulong handle, long offset, ReadOnlySpan<byte> data)
    {
        var copy = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(copy);
        _ = RunAsync(
            request,
            FuseOperation.Write,
            (ino, handle, offset, copy, length: data.Length),
            static (fs, a, token) => fs.WriteAsync(a.ino, a.handle, a.offset, a.copy.AsMemory(0, a.length), token),
            static (r, state, written) => _ = LibFuse.ReplyWrite(r, (nuint)written),
            static a => ArrayPool<byte>.Shared.Return(a.copy));
    }

    public void ReadDirectory(nint request, ulong ino, ulong handle, long offset, int size, bool plus)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        _ = RunAsync(
            request,
            plus ? FuseOperation.Readdirplus : FuseOperation.Readdir,
            (ino, handle, offset, buffer, writer: new FuseDirectoryWriter(request, buffer, size, plus)),
            static async (fs, a, token) =>
            {
                await fs.ReadDirectoryAsync(a.ino, a.handle, a.offset, a.writer, token).ConfigureAwait(false);
                return a.writer.Length;
            },
            static (r, a, length) => ReplyBuffer(r, a.buffer, length),
            static a => ArrayPool<byte>.Shared.Return(a.buffer));
    }

    public void StatFs(nint request) => _ = RunAsync(request, FuseOperation.Statfs, 0, static (fs, _, token) => fs.StatFsAsync(token), static (r, _, result) => ReplyStatFs(r, result));

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

    /// <summary>
    /// Bytes in a local file go to the kernel as a descriptor: libfuse splices them from the file's pages into the
    /// device (one copy, not two), or below two pages reads them into a buffer of its own. Where the kernel did not
    /// grant splicing they are copied into the request's buffer, since libfuse would allocate one per reply.
    /// </summary>
    private static unsafe void ReplyRead(nint request, byte[] buffer, FuseRead read, bool splice)
    {
        if (read.File is not { } range)
        {
            ReplyBuffer(request, buffer, read.Count);
            return;
        }

        if (!splice)
        {
            ReplyCopied(request, buffer, range);
            return;
        }

        try
        {
            var buffers = new LibFuse.BufVec
            {
                Count = 1,
                Buffer = new LibFuse.Buf
                {
                    Size = (nuint)range.Length,
                    Flags = LibFuse.BufIsFd | LibFuse.BufFdSeek,
                    Descriptor = (int)range.File.DangerousGetHandle(),
                    Position = range.Offset,
                },
            };
            _ = LibFuse.ReplyData(request, &buffers, 0);
        }
        finally
        {
            range.Release();
        }
    }

    private static void ReplyCopied(nint request, byte[] buffer, LocalFileRange range)
    {
        int copied;
        try
        {
            copied = range.CopyTo(buffer);
        }
        catch (Exception)
        {
            // A reply lambda must not throw: the request would go unanswered.
            _ = LibFuse.ReplyError(request, Errno.EIO);
            return;
        }
        finally
        {
            range.Release();
        }

        ReplyBuffer(request, buffer, copied);
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
    /// failure's errno — and the cleanup (pooled buffers) after the reply. The request's arguments travel in
    /// <paramref name="state"/> and the delegates are static, so a request that completes at once allocates nothing.
    /// </summary>
    private async Task RunAsync<TState, T>(
        nint request,
        FuseOperation operation,
        TState state,
        Func<IFuseFileSystem, TState, CancellationToken, ValueTask<T>> call,
        Action<nint, TState, T> reply,
        Action<TState>? cleanup = null)
    {
        Interlocked.Increment(ref _inFlight);
        var started = _metrics.Start();
        try
        {
            T result;
            try
            {
                result = await call(_fileSystem, state, _deadlines.Next()).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Failed(request, operation, e);
                return;
            }

            reply(request, state, result);
        }
        finally
        {
            cleanup?.Invoke(state);
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
