using System.Collections.Concurrent;

namespace Alluxio.Fuse.Files;

/// <summary>
/// The inodes the kernel knows, by number. An inode number is the Alluxio file id, except that the mounted
/// directory is 1 (FUSE's root) and the file whose id is 1, if any, takes the mounted directory's id instead.
/// An inode stays while the kernel holds a lookup reference to it; the root always stays.
/// </summary>
internal sealed class InodeTable
{
    public const ulong RootIno = 1;

    private readonly ConcurrentDictionary<ulong, Inode> _inodes = new();
    private readonly Lock _lock = new();
    private long _rootFileId = -1;

    public InodeTable(string rootPath)
    {
        Root = new Inode(RootIno, rootPath) { LookupCount = 1 };
        _inodes[RootIno] = Root;
    }

    public Inode Root { get; }

    public int Count => _inodes.Count;

    public void SetRootFileId(long fileId) => Interlocked.Exchange(ref _rootFileId, fileId);

    public ulong InoOf(long fileId)
    {
        var root = Volatile.Read(ref _rootFileId);
        return fileId == root ? RootIno : fileId == (long)RootIno && root >= 0 ? (ulong)root : (ulong)fileId;
    }

    /// <exception cref="FuseException">ESTALE: the kernel named an inode it had forgotten.</exception>
    public Inode Get(ulong ino) =>
        _inodes.TryGetValue(ino, out var inode) ? inode : throw new FuseException(Errno.ESTALE, $"Inode {ino} is not known to the mount.");

    /// <summary>Takes one lookup reference to the inode at <paramref name="path"/>, adding it if new.</summary>
    public Inode Remember(ulong ino, string path)
    {
        lock (_lock)
        {
            var inode = _inodes.GetOrAdd(ino, static (n, p) => new Inode(n, p), path);
            inode.Path = path;
            inode.LookupCount++;
            return inode;
        }
    }

    public void Forget(ulong ino, ulong count)
    {
        if (ino == RootIno)
        {
            return;
        }

        lock (_lock)
        {
            if (_inodes.TryGetValue(ino, out var inode))
            {
                inode.LookupCount = count >= inode.LookupCount ? 0 : inode.LookupCount - count;
                if (inode.LookupCount == 0)
                {
                    _inodes.TryRemove(ino, out _);
                }
            }
        }
    }

    /// <summary>The writer of the file at <paramref name="path"/> that was closed and whose commit is still to come.</summary>
    public WriteHandle? ClosedWriterAt(string path)
    {
        foreach (var inode in _inodes.Values)
        {
            if (inode.Writer is { Closed: true } writer && string.Equals(inode.Path, path, StringComparison.Ordinal))
            {
                return writer;
            }
        }

        return null;
    }

    /// <summary>The inodes the kernel holds directly in the directory at <paramref name="directory"/>, with their names.</summary>
    public IEnumerable<(string Name, Inode Inode)> ChildrenOf(string directory)
    {
        var start = directory.EndsWith('/') ? directory.Length : directory.Length + 1;
        foreach (var inode in _inodes.Values)
        {
            if (inode != Root && inode.Path is { } path && path.Length > start && AlluxioPaths.IsAtOrUnder(path, directory) && path.IndexOf('/', start) < 0)
            {
                yield return (path[start..], inode);
            }
        }
    }

    /// <summary>The subtree at <paramref name="from"/> now lives at <paramref name="to"/>.</summary>
    public void Renamed(string from, string to)
    {
        lock (_lock)
        {
            foreach (var inode in _inodes.Values)
            {
                if (inode.Path is { } path && AlluxioPaths.IsAtOrUnder(path, from))
                {
                    inode.Path = to + path[from.Length..];
                }
            }
        }
    }

    /// <summary>The subtree at <paramref name="path"/> is gone.</summary>
    public void Removed(string path)
    {
        lock (_lock)
        {
            foreach (var inode in _inodes.Values)
            {
                if (inode != Root && inode.Path is { } p && AlluxioPaths.IsAtOrUnder(p, path))
                {
                    inode.Path = null;
                }
            }
        }
    }
}
