using System.Runtime.InteropServices;

namespace Alluxio.IO;

/// <summary>
/// fsync of a folder: .NET cannot open a directory as a file, and without it a rename or a new file (a committed
/// block, a journal checkpoint) may be lost in a power failure even though the file's own data was flushed.
/// </summary>
public static partial class DirectorySync
{
    /// <summary>
    /// O_RDONLY, enough to fsync a folder. O_DIRECTORY is left out: its value differs between architectures (on
    /// arm64 Linux 0x10000 is O_DIRECT), and it would only guard against a path that became a file.
    /// </summary>
    private const int ReadOnly = 0;

    /// <summary>Makes a rename or a new file in <paramref name="folder"/> durable.</summary>
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(folder, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open {folder} to make its entries durable (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (FSync(fd) != 0)
            {
                throw new IOException($"Cannot make the entries of {folder} durable (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
