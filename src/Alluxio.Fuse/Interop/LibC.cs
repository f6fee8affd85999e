using System.Runtime.InteropServices;

namespace Alluxio.Fuse.Interop;

/// <summary>The few libc calls a mount needs that .NET does not expose: ids, access with its errno, lazy unmount.</summary>
internal static partial class LibC
{
    public const int MntDetach = 2;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint EffectiveUserId();

    [LibraryImport("libc", EntryPoint = "getegid")]
    public static partial uint EffectiveGroupId();

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unmount(string target, int flags);

    /// <summary>0 when <paramref name="path"/> exists and is reachable, otherwise the errno (ENOTCONN for a dead FUSE mount).</summary>
    public static int ExistsErrno(string path) => Access(path, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Detaches a mount lazily (MNT_DETACH); 0 or the errno.</summary>
    public static int DetachMount(string target) => Unmount(target, MntDetach) == 0 ? 0 : Marshal.GetLastPInvokeError();
}
