using Alluxio.IO;

namespace Alluxio.Journal;

/// <summary>
/// The journal folder's layout and the operations on a whole folder: format (used by <c>bin/alluxio format</c>),
/// owner-only modes, and the lock that keeps a second process (another master, a dump, a format) out while a
/// journal is open.
/// </summary>
/// <remarks>
/// Layout: <c>journal.version</c> (written last by a format, so a folder without it is not a journal), <c>lock</c>,
/// <c>log/</c> (DotNext's write-ahead log), <c>checkpoints/</c> (<c>&lt;index&gt;-&lt;term&gt;.checkpoint</c>) and
/// <c>membership</c> (the Raft group's members). Every folder is 0700 and every file 0600: mount entries carry
/// credentials.
/// </remarks>
public static class JournalFolder
{
    /// <summary>The marker a format writes; its content names the layout version.</summary>
    public const string VersionFileName = "journal.version";

    internal const string VersionContent = "alluxio-embedded-journal 1\n";
    internal const string LockFileName = "lock";
    internal const string LogFolderName = "log";
    internal const string CheckpointFolderName = "checkpoints";
    internal const string MembershipFileName = "membership";

    internal const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    internal const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Wipes <paramref name="folder"/> and creates an empty journal in it, readable by its owner only. All metadata
    /// in it is lost.
    /// </summary>
    /// <exception cref="JournalException">A running master holds the journal, or the folder cannot be written.</exception>
    public static void Format(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        try
        {
            if (Directory.Exists(full))
            {
                // Holding the lock while wiping keeps a master from starting on a half-deleted folder.
                using (Lock(full))
                {
                    foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
                    {
                        if (entry.Name != LockFileName)
                        {
                            DeleteEntry(entry);
                        }
                    }
                }
            }

            CreateLayout(full);
        }
        catch (IOException e)
        {
            throw new JournalException($"Cannot format the journal in {full}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new JournalException($"Cannot format the journal in {full}: {e.Message}; check the folder's owner and permissions.", e);
        }
    }

    /// <summary>
    /// Fails when a running master or tool holds the journal in <paramref name="folder"/>, so that a format can refuse
    /// before it touches anything else (the workers' storage).
    /// </summary>
    /// <exception cref="JournalException">The journal is in use.</exception>
    public static void ThrowIfInUse(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        if (Directory.Exists(full))
        {
            Lock(full).Dispose();
        }
    }

    /// <summary>True when <paramref name="folder"/> is missing or holds nothing: a first start formats it.</summary>
    public static bool IsMissingOrEmpty(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return !Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any();
    }

    internal static string LogFolder(string folder) => Path.Combine(folder, LogFolderName);

    internal static string CheckpointFolder(string folder) => Path.Combine(folder, CheckpointFolderName);

    internal static string MembershipFile(string folder) => Path.Combine(folder, MembershipFileName);

    internal static void CreateLayout(string folder)
    {
        CreateOwnerOnlyDirectory(folder);
        CreateOwnerOnlyDirectory(LogFolder(folder));
        CreateOwnerOnlyDirectory(CheckpointFolder(folder));
        var marker = Path.Combine(folder, VersionFileName);
        using (var stream = new FileStream(marker, OwnerOnlyCreate(FileMode.Create, FileAccess.Write)))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(VersionContent));
            stream.Flush(flushToDisk: true);
        }

        DirectorySync.Flush(folder);
    }

    /// <summary>
    /// Takes the folder's exclusive lock; a second holder in any process fails with a <see cref="JournalException"/>.
    /// </summary>
    internal static FileStream Lock(string folder)
    {
        CreateOwnerOnlyDirectory(folder);
        try
        {
            // FileShare.None is an flock(LOCK_EX) on Unix: advisory, released by the kernel when the process dies.
            return new FileStream(Path.Combine(folder, LockFileName), OwnerOnlyCreate(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new JournalException(
                $"The journal in {folder} is in use by a running master or tool; stop it first.", e);
        }
    }

    /// <summary>Sets 0700 on every folder and 0600 on every file under <paramref name="folder"/>, whatever the umask made them.</summary>
    internal static void RestrictToOwner(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        SetMode(folder, OwnerOnlyDirectory);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                SetMode(entry.FullName, entry is DirectoryInfo ? OwnerOnlyDirectory : OwnerOnlyFile);
            }
        }
    }

    internal static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        // CreateDirectory applies the umask and leaves an existing folder as it was; set the mode explicitly.
        SetMode(path, OwnerOnlyDirectory);
    }

    internal static FileStreamOptions OwnerOnlyCreate(FileMode mode, FileAccess access, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open)
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != mode)
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static void DeleteEntry(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo directory && entry.LinkTarget is null)
        {
            directory.Delete(recursive: true);
        }
        else
        {
            entry.Delete();
        }
    }
}
