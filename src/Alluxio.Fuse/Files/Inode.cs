using Alluxio.Client;

namespace Alluxio.Fuse.Files;

/// <summary>
/// An inode the kernel holds: its Alluxio path, the lookup references the kernel took, and what the mount last
/// learned of it. The path changes with renames made through the mount and is null once the file is removed
/// (a handle already open keeps reading what its worker still holds).
/// </summary>
internal sealed class Inode(ulong ino, string path)
{
    private volatile string? _path = path;
    private volatile InodeSnapshot? _snapshot;
    private volatile WriteHandle? _writer;

    public ulong Ino { get; } = ino;

    public string? Path
    {
        get => _path;
        set => _path = value;
    }

    /// <summary>Guarded by the table's lock.</summary>
    public ulong LookupCount { get; set; }

    /// <summary>The attributes last fetched, and when.</summary>
    public InodeSnapshot? Snapshot
    {
        get => _snapshot;
        set => _snapshot = value;
    }

    /// <summary>
    /// Takes the status kept with the snapshot, for an open, if it is younger than <paramref name="maxAge"/>; the
    /// snapshot keeps its attributes but no longer the status, so an inode that is not being opened holds no more.
    /// </summary>
    public UriStatus? TakeStatus(TimeProvider time, TimeSpan maxAge)
    {
        var snapshot = _snapshot;
        if (snapshot?.Status is not { } status || time.GetElapsedTime(snapshot.FetchedAt) >= maxAge)
        {
            return null;
        }

        _ = Interlocked.CompareExchange(ref _snapshot, snapshot with { Status = null }, snapshot);
        return status;
    }

    /// <summary>Forgets the kept status: the file is being replaced, and the status names the file it replaces.</summary>
    public void DropStatus()
    {
        if (_snapshot is { Status: not null } snapshot)
        {
            _ = Interlocked.CompareExchange(ref _snapshot, snapshot with { Status = null }, snapshot);
        }
    }

    /// <summary>The handle writing this file through the mount, until it commits.</summary>
    public WriteHandle? Writer
    {
        get => _writer;
        set => _writer = value;
    }

    /// <summary>The listing (<see cref="DirectoryHandle.ListingId"/>) that last gave this inode to the kernel.</summary>
    public long ListedBy { get; set; }

    /// <summary>The file's (id, length, modification time) when it was last opened for reading: the page cache's version.</summary>
    public FileVersion? CachedVersion { get; set; }

    /// <summary>The path, or ENOENT when the file was removed.</summary>
    public string RequirePath() => _path ?? throw new FuseException(Errno.ENOENT, $"Inode {Ino} was removed.");
}
