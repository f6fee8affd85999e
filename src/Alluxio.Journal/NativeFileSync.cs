using System.Runtime.InteropServices;

namespace Alluxio.Journal;

/// <summary>
/// fsync of a folder: .NET cannot open a directory as a file, and without it a rename or a new file may be lost in a
/// power failure even though the file's own data was flushed.
/// </summary>
internal static partial class NativeFileSync
{
    /// <summary>O_RDONLY | O_DIRECTORY (Linux); O_DIRECTORY only guards against a path that became a file.</summary>
    public static readonly int ReadOnlyDirectory = OperatingSystem.IsLinux() ? 0x10000 : 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
