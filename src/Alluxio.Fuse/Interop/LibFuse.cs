using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alluxio.Fuse.Interop;

/// <summary>
/// Everything that touches libfuse3's low-level API: the native structs (x86-64 layouts of libfuse 3.12–3.16 and
/// glibc), the imports, and the callbacks libfuse calls. A callback copies its arguments and hands them to the
/// session's <see cref="FuseDispatcher"/>, which replies later from whichever thread finishes the work; no exception
/// ever leaves a callback (one would end the process), it becomes an errno reply.
/// </summary>
/// <remarks>
/// The layouts were checked against the Debian 12 headers (libfuse 3.14.0); <see cref="CheckVersion"/> refuses a
/// library whose ABI they do not describe. libfuse 3.17 is libfuse3.so.4 and is not loaded by this name.
/// Operations left out of the table (xattrs, locks, fallocate, copy_file_range) answer ENOSYS, which the kernel
/// remembers: it stops asking and tells callers EOPNOTSUPP.
/// </remarks>
internal static unsafe class LibFuse
{
    public const string Library = "libfuse3.so.3";

    /// <summary>
    /// The oldest libfuse with fuse_loop_cfg_* and the newest whose structs are those below: 3.14.2 inserted a bit
    /// into fuse_file_info's bit-field, moving cache_readdir and noflush.
    /// </summary>
    public static readonly Version MinimumVersion = new(3, 12, 0);

    public static readonly Version MaximumVersion = new(3, 14, 1);

    // fuse_conn_info.want / capable bits (fuse_common.h).
    public const uint CapAsyncRead = 1 << 0;
    public const uint CapAtomicOTrunc = 1 << 3;
    public const uint CapSpliceWrite = 1 << 7;
    public const uint CapAutoInvalData = 1 << 12;
    public const uint CapReaddirplus = 1 << 13;
    public const uint CapReaddirplusAuto = 1 << 14;
    public const uint CapAsyncDio = 1 << 15;
    public const uint CapWritebackCache = 1 << 16;
    public const uint CapParallelDirops = 1 << 18;

    // enum fuse_buf_flags (fuse_common.h).
    public const int BufIsFd = 1 << 1;
    public const int BufFdSeek = 1 << 2;

    // fuse_file_info bit-field word at offset 4.
    public const uint FileInfoDirectIo = 1 << 1;
    public const uint FileInfoKeepCache = 1 << 2;
    public const uint FileInfoCacheReaddir = 1 << 6;

    // setattr's to_set bits (fuse_lowlevel.h).
    public const int SetAttrMode = 1 << 0;
    public const int SetAttrUid = 1 << 1;
    public const int SetAttrGid = 1 << 2;
    public const int SetAttrSize = 1 << 3;
    public const int SetAttrAtime = 1 << 4;
    public const int SetAttrMtime = 1 << 5;
    public const int SetAttrAtimeNow = 1 << 7;
    public const int SetAttrMtimeNow = 1 << 8;

    [StructLayout(LayoutKind.Sequential)]
    public struct Args
    {
        public int Argc;
        public byte** Argv;
        public int Allocated;
    }

    /// <summary>struct fuse_file_info, 40 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 40)]
    public struct FileInfo
    {
        [FieldOffset(0)] public int Flags;
        [FieldOffset(4)] public uint Bits;
        [FieldOffset(16)] public ulong Handle;
        [FieldOffset(24)] public ulong LockOwner;
        [FieldOffset(32)] public uint PollEvents;
    }

    /// <summary>glibc's struct stat on x86-64, 144 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 144)]
    public struct Stat
    {
        [FieldOffset(0)] public ulong Dev;
        [FieldOffset(8)] public ulong Ino;
        [FieldOffset(16)] public ulong Nlink;
        [FieldOffset(24)] public uint Mode;
        [FieldOffset(28)] public uint Uid;
        [FieldOffset(32)] public uint Gid;
        [FieldOffset(40)] public ulong Rdev;
        [FieldOffset(48)] public long Size;
        [FieldOffset(56)] public long BlockSize;
        [FieldOffset(64)] public long Blocks;
        [FieldOffset(72)] public long AtimeSeconds;
        [FieldOffset(80)] public long AtimeNanoseconds;
        [FieldOffset(88)] public long MtimeSeconds;
        [FieldOffset(96)] public long MtimeNanoseconds;
        [FieldOffset(104)] public long CtimeSeconds;
        [FieldOffset(112)] public long CtimeNanoseconds;
    }

    /// <summary>struct fuse_entry_param, 176 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 176)]
    public struct EntryParam
    {
        [FieldOffset(0)] public ulong Ino;
        [FieldOffset(8)] public ulong Generation;
        [FieldOffset(16)] public Stat Attr;
        [FieldOffset(160)] public double AttrTimeout;
        [FieldOffset(168)] public double EntryTimeout;
    }

    /// <summary>struct fuse_conn_info, 128 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    public struct ConnInfo
    {
        [FieldOffset(0)] public uint ProtoMajor;
        [FieldOffset(4)] public uint ProtoMinor;
        [FieldOffset(8)] public uint MaxWrite;
        [FieldOffset(12)] public uint MaxRead;
        [FieldOffset(16)] public uint MaxReadahead;
        [FieldOffset(20)] public uint Capable;
        [FieldOffset(24)] public uint Want;
        [FieldOffset(28)] public uint MaxBackground;
        [FieldOffset(32)] public uint CongestionThreshold;
        [FieldOffset(36)] public uint TimeGranularity;
    }

    /// <summary>struct fuse_buf, 40 bytes: memory, or a file descriptor read from <see cref="Position"/>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 40)]
    public struct Buf
    {
        [FieldOffset(0)] public nuint Size;
        [FieldOffset(8)] public int Flags;
        [FieldOffset(16)] public nint Memory;
        [FieldOffset(24)] public int Descriptor;
        [FieldOffset(32)] public long Position;
    }

    /// <summary>struct fuse_bufvec holding one buffer, 64 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct BufVec
    {
        [FieldOffset(0)] public nuint Count;
        [FieldOffset(8)] public nuint Index;
        [FieldOffset(16)] public nuint Offset;
        [FieldOffset(24)] public Buf Buffer;
    }

    /// <summary>glibc's struct statvfs on x86-64, 112 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 112)]
    public struct StatVfs
    {
        [FieldOffset(0)] public ulong BlockSize;
        [FieldOffset(8)] public ulong FragmentSize;
        [FieldOffset(16)] public ulong Blocks;
        [FieldOffset(24)] public ulong BlocksFree;
        [FieldOffset(32)] public ulong BlocksAvailable;
        [FieldOffset(40)] public ulong Files;
        [FieldOffset(48)] public ulong FilesFree;
        [FieldOffset(56)] public ulong FilesAvailable;
        [FieldOffset(64)] public ulong FsId;
        [FieldOffset(72)] public ulong Flags;
        [FieldOffset(80)] public ulong NameMax;
    }

    /// <summary>struct fuse_ctx: who made a request.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Context
    {
        public uint Uid;
        public uint Gid;
        public int Pid;
        public uint Umask;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ForgetData
    {
        public ulong Ino;
        public ulong Count;
    }

    /// <summary>struct fuse_lowlevel_ops: 44 function pointers in libfuse 3.14; the slots used are named.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 44 * 8)]
    public struct LowLevelOps
    {
        [FieldOffset(0 * 8)] public nint Init;
        [FieldOffset(1 * 8)] public nint Destroy;
        [FieldOffset(2 * 8)] public nint Lookup;
        [FieldOffset(3 * 8)] public nint Forget;
        [FieldOffset(4 * 8)] public nint GetAttr;
        [FieldOffset(5 * 8)] public nint SetAttr;
        [FieldOffset(6 * 8)] public nint ReadLink;
        [FieldOffset(7 * 8)] public nint MkNod;
        [FieldOffset(8 * 8)] public nint MkDir;
        [FieldOffset(9 * 8)] public nint Unlink;
        [FieldOffset(10 * 8)] public nint RmDir;
        [FieldOffset(11 * 8)] public nint SymLink;
        [FieldOffset(12 * 8)] public nint Rename;
        [FieldOffset(13 * 8)] public nint Link;
        [FieldOffset(14 * 8)] public nint Open;
        [FieldOffset(15 * 8)] public nint Read;
        [FieldOffset(16 * 8)] public nint Write;
        [FieldOffset(17 * 8)] public nint Flush;
        [FieldOffset(18 * 8)] public nint Release;
        [FieldOffset(19 * 8)] public nint FSync;
        [FieldOffset(20 * 8)] public nint OpenDir;
        [FieldOffset(21 * 8)] public nint ReadDir;
        [FieldOffset(22 * 8)] public nint ReleaseDir;
        [FieldOffset(23 * 8)] public nint FSyncDir;
        [FieldOffset(24 * 8)] public nint StatFs;
        [FieldOffset(30 * 8)] public nint Create;
        [FieldOffset(38 * 8)] public nint ForgetMulti;
        [FieldOffset(41 * 8)] public nint ReadDirPlus;
    }

    [DllImport(Library, EntryPoint = "fuse_pkgversion")]
    private static extern byte* PackageVersionNative();

    [DllImport(Library, EntryPoint = "fuse_session_new")]
    public static extern nint SessionNew(Args* args, LowLevelOps* ops, nuint opsSize, nint userdata);

    [DllImport(Library, EntryPoint = "fuse_opt_free_args")]
    public static extern void OptFreeArgs(Args* args);

    [DllImport(Library, EntryPoint = "fuse_session_mount")]
    public static extern int SessionMount(nint session, byte* mountPoint);

    [DllImport(Library, EntryPoint = "fuse_session_unmount")]
    public static extern void SessionUnmount(nint session);

    [DllImport(Library, EntryPoint = "fuse_session_exit")]
    public static extern void SessionExit(nint session);

    [DllImport(Library, EntryPoint = "fuse_session_destroy")]
    public static extern void SessionDestroy(nint session);

    /// <summary>The FUSE_3.12 loop, named by its versioned alias so no other ABI is bound.</summary>
    [DllImport(Library, EntryPoint = "fuse_session_loop_mt_312")]
    public static extern int SessionLoopMultiThreaded(nint session, nint config);

    [DllImport(Library, EntryPoint = "fuse_loop_cfg_create")]
    public static extern nint LoopConfigCreate();

    [DllImport(Library, EntryPoint = "fuse_loop_cfg_destroy")]
    public static extern void LoopConfigDestroy(nint config);

    [DllImport(Library, EntryPoint = "fuse_loop_cfg_set_max_threads")]
    public static extern void LoopConfigSetMaxThreads(nint config, uint maxThreads);

    [DllImport(Library, EntryPoint = "fuse_req_userdata")]
    private static extern nint RequestUserData(nint request);

    [DllImport(Library, EntryPoint = "fuse_req_ctx")]
    public static extern Context* RequestContext(nint request);

    [DllImport(Library, EntryPoint = "fuse_reply_err")]
    public static extern int ReplyError(nint request, int errno);

    [DllImport(Library, EntryPoint = "fuse_reply_none")]
    public static extern void ReplyNone(nint request);

    [DllImport(Library, EntryPoint = "fuse_reply_entry")]
    public static extern int ReplyEntry(nint request, EntryParam* entry);

    [DllImport(Library, EntryPoint = "fuse_reply_create")]
    public static extern int ReplyCreate(nint request, EntryParam* entry, FileInfo* fileInfo);

    [DllImport(Library, EntryPoint = "fuse_reply_attr")]
    public static extern int ReplyAttr(nint request, Stat* attr, double attrTimeout);

    [DllImport(Library, EntryPoint = "fuse_reply_open")]
    public static extern int ReplyOpen(nint request, FileInfo* fileInfo);

    [DllImport(Library, EntryPoint = "fuse_reply_write")]
    public static extern int ReplyWrite(nint request, nuint count);

    [DllImport(Library, EntryPoint = "fuse_reply_buf")]
    public static extern int ReplyBuffer(nint request, byte* buffer, nuint size);

    /// <summary>Replies with the buffers' bytes; splices a descriptor's into the device when the kernel allows.</summary>
    [DllImport(Library, EntryPoint = "fuse_reply_data")]
    public static extern int ReplyData(nint request, BufVec* buffers, int copyFlags);

    [DllImport(Library, EntryPoint = "fuse_reply_statfs")]
    public static extern int ReplyStatFs(nint request, StatVfs* stats);

    [DllImport(Library, EntryPoint = "fuse_add_direntry")]
    public static extern nuint AddDirectoryEntry(nint request, byte* buffer, nuint size, byte* name, Stat* attr, long nextOffset);

    [DllImport(Library, EntryPoint = "fuse_add_direntry_plus")]
    public static extern nuint AddDirectoryEntryPlus(nint request, byte* buffer, nuint size, byte* name, EntryParam* entry, long nextOffset);

    [DllImport(Library, EntryPoint = "fuse_lowlevel_notify_inval_entry")]
    public static extern int NotifyInvalidateEntry(nint session, ulong parent, byte* name, nuint nameLength);

    /// <summary>Who made <paramref name="request"/>; valid until it is answered.</summary>
    public static FuseCaller Caller(nint request)
    {
        var context = RequestContext(request);
        return new FuseCaller(context->Uid, context->Gid, context->Pid);
    }

    /// <summary>libfuse's package version, e.g. 3.14.0.</summary>
    public static string PackageVersion() => Marshal.PtrToStringUTF8((nint)PackageVersionNative()) ?? "";

    /// <summary>
    /// Null when the loaded libfuse3 is one these layouts describe; otherwise why it cannot be used, as a sentence.
    /// </summary>
    public static string? CheckVersion()
    {
        string text;
        try
        {
            text = PackageVersion();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"libfuse3 ({Library}) could not be loaded: {e.Message.Split('\n')[0]} Install it (Debian and Ubuntu: apt-get install fuse3 libfuse3-3).";
        }

        var core = text.Split('-', '+', ' ')[0];
        if (!Version.TryParse(core.Count(c => c == '.') == 1 ? core + ".0" : core, out var version))
        {
            return $"libfuse3 reports the version '{text}', which is not a version number.";
        }

        return version < MinimumVersion || version > MaximumVersion
            ? $"libfuse3 {text} is not supported: this build knows the structures of libfuse 3.12.0 to 3.14.1."
            : null;
    }

    /// <summary>The operations table: the address of every callback below, in its slot.</summary>
    public static LowLevelOps Operations() => new()
    {
        Init = (nint)(delegate* unmanaged<nint, ConnInfo*, void>)&OnInit,
        Lookup = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&OnLookup,
        Forget = (nint)(delegate* unmanaged<nint, ulong, ulong, void>)&OnForget,
        ForgetMulti = (nint)(delegate* unmanaged<nint, nuint, ForgetData*, void>)&OnForgetMulti,
        GetAttr = (nint)(delegate* unmanaged<nint, ulong, FileInfo*, void>)&OnGetAttr,
        SetAttr = (nint)(delegate* unmanaged<nint, ulong, Stat*, int, FileInfo*, void>)&OnSetAttr,
        ReadLink = (nint)(delegate* unmanaged<nint, ulong, void>)&OnReadLink,
        MkNod = (nint)(delegate* unmanaged<nint, ulong, byte*, uint, ulong, void>)&OnMkNod,
        MkDir = (nint)(delegate* unmanaged<nint, ulong, byte*, uint, void>)&OnMkDir,
        Unlink = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&OnUnlink,
        RmDir = (nint)(delegate* unmanaged<nint, ulong, byte*, void>)&OnRmDir,
        SymLink = (nint)(delegate* unmanaged<nint, byte*, ulong, byte*, void>)&OnSymLink,
        Rename = (nint)(delegate* unmanaged<nint, ulong, byte*, ulong, byte*, uint, void>)&OnRename,
        Link = (nint)(delegate* unmanaged<nint, ulong, ulong, byte*, void>)&OnLink,
        Open = (nint)(delegate* unmanaged<nint, ulong, FileInfo*, void>)&OnOpen,
        Read = (nint)(delegate* unmanaged<nint, ulong, nuint, long, FileInfo*, void>)&OnRead,
        Write = (nint)(delegate* unmanaged<nint, ulong, byte*, nuint, long, FileInfo*, void>)&OnWrite,
        Flush = (nint)(delegate* unmanaged<nint, ulong, FileInfo*, void>)&OnFlush,
        Release = (nint)(delegate* unmanaged<nint, ulong, FileInfo*, void>)&OnRelease,
        FSync = (nint)(delegate* unmanaged<nint, ulong, int, FileInfo*, void>)&OnFSync,
        OpenDir = (nint)(delegate* unmanaged<nint, ulong, FileInfo*, void>)&OnOpenDir,
        ReadDir = (nint)(delegate* unmanaged<nint, ulong, nuint, long, FileInfo*, void>)&OnReadDir,
        ReadDirPlus = (nint)(delegate* unmanaged<nint, ulong, nuint, long, FileInfo*, void>)&OnReadDirPlus,
        ReleaseDir = (nint)(delegate* unmanaged<nint, ulong, FileInfo*, void>)&OnReleaseDir,
        FSyncDir = (nint)(delegate* unmanaged<nint, ulong, int, FileInfo*, void>)&OnFSync,
        StatFs = (nint)(delegate* unmanaged<nint, ulong, void>)&OnStatFs,
        Create = (nint)(delegate* unmanaged<nint, ulong, byte*, uint, FileInfo*, void>)&OnCreate,
    };

    /// <summary>Copies a NUL-terminated name; names are bytes to the kernel and UTF-8 to Alluxio.</summary>
    private static string Name(byte* name) => Marshal.PtrToStringUTF8((nint)name) ?? "";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FuseDispatcher Dispatcher(nint request) => FuseDispatcher.FromUserData(RequestUserData(request));

    [UnmanagedCallersOnly]
    private static void OnInit(nint userData, ConnInfo* connection)
    {
        try
        {
            FuseDispatcher.FromUserData(userData).Negotiate(ref *connection);
        }
        catch (Exception e)
        {
            Guard(() => FuseDispatcher.FromUserData(userData).CallbackFailed(nameof(OnInit), e));
        }
    }

    [UnmanagedCallersOnly]
    private static void OnLookup(nint request, ulong parent, byte* name)
    {
        try
        {
            Dispatcher(request).Lookup(request, parent, Name(name));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnForget(nint request, ulong ino, ulong count)
    {
        try
        {
            Dispatcher(request).Forget(ino, count);
        }
        catch (Exception e)
        {
            Guard(() => Dispatcher(request).CallbackFailed(nameof(OnForget), e));
        }

        ReplyNone(request);
    }

    [UnmanagedCallersOnly]
    private static void OnForgetMulti(nint request, nuint count, ForgetData* forgets)
    {
        try
        {
            var dispatcher = Dispatcher(request);
            for (nuint i = 0; i < count; i++)
            {
                dispatcher.Forget(forgets[i].Ino, forgets[i].Count);
            }
        }
        catch (Exception e)
        {
            Guard(() => Dispatcher(request).CallbackFailed(nameof(OnForgetMulti), e));
        }

        ReplyNone(request);
    }

    [UnmanagedCallersOnly]
    private static void OnGetAttr(nint request, ulong ino, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).GetAttributes(request, ino);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnSetAttr(nint request, ulong ino, Stat* attr, int toSet, FileInfo* fileInfo)
    {
        try
        {
            var change = new FuseAttributeChange(
                (toSet & SetAttrMode) != 0 ? attr->Mode : null,
                (toSet & SetAttrUid) != 0 ? attr->Uid : null,
                (toSet & SetAttrGid) != 0 ? attr->Gid : null,
                (toSet & SetAttrSize) != 0 ? attr->Size : null,
                (toSet & (SetAttrAtime | SetAttrMtime | SetAttrAtimeNow | SetAttrMtimeNow)) != 0);
            Dispatcher(request).SetAttributes(request, ino, change, fileInfo is null ? null : fileInfo->Handle);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnReadLink(nint request, ulong ino) => _ = ReplyError(request, Errno.EINVAL);

    [UnmanagedCallersOnly]
    private static void OnMkNod(nint request, ulong parent, byte* name, uint mode, ulong device)
    {
        try
        {
            Dispatcher(request).MakeNode(request, parent, Name(name), mode);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnMkDir(nint request, ulong parent, byte* name, uint mode)
    {
        try
        {
            Dispatcher(request).MakeDirectory(request, parent, Name(name), mode);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnUnlink(nint request, ulong parent, byte* name)
    {
        try
        {
            Dispatcher(request).Unlink(request, parent, Name(name));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnRmDir(nint request, ulong parent, byte* name)
    {
        try
        {
            Dispatcher(request).RemoveDirectory(request, parent, Name(name));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    /// <summary>Alluxio has no symbolic or hard links (as Alluxio's FUSE: ENOTSUP).</summary>
    [UnmanagedCallersOnly]
    private static void OnSymLink(nint request, byte* target, ulong parent, byte* name) => _ = ReplyError(request, Errno.ENOTSUP);

    [UnmanagedCallersOnly]
    private static void OnLink(nint request, ulong ino, ulong newParent, byte* newName) => _ = ReplyError(request, Errno.ENOTSUP);

    [UnmanagedCallersOnly]
    private static void OnRename(nint request, ulong parent, byte* name, ulong newParent, byte* newName, uint flags)
    {
        try
        {
            Dispatcher(request).Rename(request, parent, Name(name), newParent, Name(newName), flags);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnOpen(nint request, ulong ino, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).Open(request, ino, fileInfo->Flags, Caller(request));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnRead(nint request, ulong ino, nuint size, long offset, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).Read(request, ino, fileInfo->Handle, offset, (int)Math.Min(size, int.MaxValue));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnWrite(nint request, ulong ino, byte* buffer, nuint size, long offset, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).Write(request, ino, fileInfo->Handle, offset, new ReadOnlySpan<byte>(buffer, checked((int)size)));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnFlush(nint request, ulong ino, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).Flush(request, ino, fileInfo->Handle, Caller(request));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnRelease(nint request, ulong ino, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).Release(request, ino, fileInfo->Handle);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    /// <summary>Written data is durable only once the file is closed; fsync has nothing more to force.</summary>
    [UnmanagedCallersOnly]
    private static void OnFSync(nint request, ulong ino, int dataOnly, FileInfo* fileInfo) => _ = ReplyError(request, 0);

    [UnmanagedCallersOnly]
    private static void OnOpenDir(nint request, ulong ino, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).OpenDirectory(request, ino);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnReadDir(nint request, ulong ino, nuint size, long offset, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).ReadDirectory(request, ino, fileInfo->Handle, offset, (int)Math.Min(size, int.MaxValue), plus: false);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnReadDirPlus(nint request, ulong ino, nuint size, long offset, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).ReadDirectory(request, ino, fileInfo->Handle, offset, (int)Math.Min(size, int.MaxValue), plus: true);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnReleaseDir(nint request, ulong ino, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).ReleaseDirectory(request, ino, fileInfo->Handle);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnStatFs(nint request, ulong ino)
    {
        try
        {
            Dispatcher(request).StatFs(request);
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnCreate(nint request, ulong parent, byte* name, uint mode, FileInfo* fileInfo)
    {
        try
        {
            Dispatcher(request).Create(request, parent, Name(name), mode, fileInfo->Flags, Caller(request));
        }
        catch (Exception e)
        {
            Fail(request, e);
        }
    }

    private static void Fail(nint request, Exception e)
    {
        Guard(() => Dispatcher(request).CallbackFailed("callback", e));
        _ = ReplyError(request, Errno.EIO);
    }

    /// <summary>Runs what a catch block does on a libfuse thread, where nothing may be thrown.</summary>
    private static void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception)
        {
            // Logging failed; nothing more can be done on a libfuse thread without ending the process.
        }
    }
}
