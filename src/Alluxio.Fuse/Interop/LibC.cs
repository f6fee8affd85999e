using System.Runtime.InteropServices;

namespace Alluxio.Fuse.Interop;

/// <summary>
/// The few libc calls a mount needs that .NET does not expose: ids, statfs with its errno, lazy unmount, and the
/// socket pair over which fusermount3 hands a non-root process its /dev/fuse descriptor.
/// </summary>
internal static unsafe partial class LibC
{
    public const int MntDetach = 2;
    private const int AfUnix = 1;
    private const int SockStream = 1;
    private const int SockCloexec = 0x80000;
    private const int MsgCmsgCloexec = 0x40000000;
    private const int FSetFd = 2;
    private const int SolSocket = 1;
    private const int ScmRights = 1;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint EffectiveUserId();

    [LibraryImport("libc", EntryPoint = "getegid")]
    public static partial uint EffectiveGroupId();

    [LibraryImport("libc", EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatFs(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unmount(string target, int flags);

    /// <summary>
    /// 0 when the file system at <paramref name="path"/> answers, otherwise the errno: ENOTCONN for a FUSE mount whose
    /// process died. statfs always asks the daemon; access(2) does not once it has answered ENOSYS, and stat not while
    /// the attributes are cached, so either can find a dead mount alive.
    /// </summary>
    public static int ReachableErrno(string path)
    {
        // struct statfs is 120 bytes on x86-64 and aarch64.
        var buffer = stackalloc byte[256];
        return StatFs(path, buffer) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Detaches a mount lazily (MNT_DETACH); 0 or the errno.</summary>
    public static int DetachMount(string target) => Unmount(target, MntDetach) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    private static partial int SocketPair(int domain, int type, int protocol, int* fds);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint ReceiveMessage(int socket, MessageHeader* message, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseFd(int fd);

    /// <summary>Closes a descriptor of ours; there is nothing to do about a failure.</summary>
    public static void Close(int fd) => _ = CloseFd(fd);

    /// <summary>
    /// A connected pair of Unix stream sockets, both closed on exec: a process another thread starts meanwhile must
    /// not hold one, or a peer that fails would never be seen to close. <see cref="Inherit"/> opens one to a child.
    /// </summary>
    public static (int Ours, int Theirs) SocketPair()
    {
        var fds = stackalloc int[2];
        return SocketPair(AfUnix, SockStream | SockCloexec, 0, fds) == 0
            ? (fds[0], fds[1])
            : throw new FuseException(Marshal.GetLastPInvokeError(), "Could not create the socket pair for fusermount3.");
    }

    /// <summary>Lets the next child process inherit <paramref name="fd"/> (clears close-on-exec).</summary>
    public static void Inherit(int fd)
    {
        if (Fcntl(fd, FSetFd, 0) != 0)
        {
            throw new FuseException(Marshal.GetLastPInvokeError(), "Could not pass the socket to fusermount3.");
        }
    }

    /// <summary>Receives one descriptor passed with SCM_RIGHTS on <paramref name="socket"/>, or -1 when the peer sent none.</summary>
    public static int ReceiveDescriptor(int socket)
    {
        byte data;
        var vector = new IoVector { Base = &data, Length = 1 };
        // CMSG_SPACE(sizeof(int)) on x86-64: a 16-byte header and the int padded to 8.
        var control = stackalloc byte[24];
        var message = new MessageHeader { Vector = &vector, VectorLength = 1, Control = control, ControlLength = 24 };
        nint received;
        do
        {
            // The device is ours alone: a child started later must not keep the connection alive after we die.
            received = ReceiveMessage(socket, &message, MsgCmsgCloexec);
        }
        while (received < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

        var header = (ControlHeader*)control;
        return received > 0 && message.ControlLength >= 20 && header->Level == SolSocket && header->Type == ScmRights
            ? *(int*)(control + 16)
            : -1;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr on x86-64, 56 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vector;
        public nuint VectorLength;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct cmsghdr's header, 16 bytes; the data follows.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ControlHeader
    {
        public nuint Length;
        public int Level;
        public int Type;
    }
}
