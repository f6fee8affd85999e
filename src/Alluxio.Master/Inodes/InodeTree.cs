using Alluxio.Errors;
using Alluxio.Ids;
using Alluxio.Master.Jobs;
using Alluxio.Master.Mounts;
using Alluxio.Paths;

namespace Alluxio.Master.Inodes;

/// <summary>
/// The namespace in memory: the inode store, the mount table and the id counters, with one reader-writer lock.
/// The journal's apply function takes the write lock for one entry at a time, only for in-memory work; readers
/// take the read lock for a lookup. No UFS call ever happens under this lock.
/// </summary>
public sealed class InodeTree : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private long _nextContainerId;
    private long _nextMountId = MountInfo.RootMountId + 1;

    public InodeTree(IInodeStore store)
    {
        Store = store;
    }

    public IInodeStore Store { get; }

    public MountTable Mounts { get; } = new();

    /// <summary>Ids of inodes with a TTL, for the TTL checker.</summary>
    internal HashSet<long> InodesWithTtl { get; } = [];

    /// <summary>Ids of complete files waiting to be persisted (TO_BE_PERSISTED), for the persistence scheduler.</summary>
    internal HashSet<long> FilesToPersist { get; } = [];

    /// <summary>Ids of pinned files, whose blocks workers never evict (Alluxio's pin list).</summary>
    internal HashSet<long> PinnedFiles { get; } = [];

    /// <summary>The free and load jobs not finished yet.</summary>
    public JobTable Jobs { get; } = new();

    /// <summary>The root directory, or null before the first start created it.</summary>
    public InodeDirectory? Root { get; internal set; }

    /// <summary>Takes the read lock until the result is disposed. Never await while holding it.</summary>
    public ReadLock ReadLocked()
    {
        _lock.EnterReadLock();
        return new ReadLock(_lock);
    }

    internal WriteLock WriteLocked()
    {
        _lock.EnterWriteLock();
        return new WriteLock(_lock);
    }

    /// <summary>A new inode id, unique for the life of the namespace. Only the leader allocates ids.</summary>
    internal long NextInodeId() => InodeIds.ForContainer(Interlocked.Increment(ref _nextContainerId) - 1);

    internal long NextMountId() => Interlocked.Increment(ref _nextMountId) - 1;

    /// <summary>Keeps the counters ahead of ids that the journal applied.</summary>
    internal void NoteInodeId(long id)
    {
        var next = InodeIds.ContainerOf(id) + 1;
        InterlockedMax(ref _nextContainerId, next);
    }

    internal void NoteMountId(long mountId) => InterlockedMax(ref _nextMountId, mountId + 1);

    internal void ResetCounters()
    {
        Volatile.Write(ref _nextContainerId, 0);
        Volatile.Write(ref _nextMountId, MountInfo.RootMountId + 1);
    }

    /// <summary>Looks <paramref name="path"/> up. Call under the read or write lock.</summary>
    public InodePath Resolve(AlluxioUri path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var components = path.IsRoot ? [] : path.Path[1..].Split(AlluxioUri.Separator);
        var inodes = new List<Inode>(components.Length + 1);
        if (Root is null)
        {
            throw new AlluxioException(ErrorType.Unavailable, "The namespace is not ready yet; the master is still starting.");
        }

        Inode current = Root;
        inodes.Add(current);
        foreach (var name in components)
        {
            if (current is not InodeDirectory directory || Store.GetChild(directory, name) is not { } child)
            {
                break;
            }

            inodes.Add(child);
            current = child;
        }

        return new InodePath(path, components, inodes);
    }

    /// <summary>
    /// The inode at <paramref name="path"/> (a normalised absolute path), or null; the allocation-free lookup that
    /// getStatus takes first. Call under the read or write lock.
    /// </summary>
    public Inode? Lookup(ReadOnlySpan<char> path)
    {
        Inode? current = Root;
        var rest = path.Length > 0 && path[0] == AlluxioUri.Separator ? path[1..] : path;
        while (current is not null && rest.Length > 0)
        {
            var slash = rest.IndexOf(AlluxioUri.Separator);
            var name = slash < 0 ? rest : rest[..slash];
            current = current is InodeDirectory directory ? Store.GetChild(directory, name) : null;
            rest = slash < 0 ? [] : rest[(slash + 1)..];
        }

        return current;
    }

    /// <summary>The path of <paramref name="inode"/>, built by walking up to the root. Call under a lock.</summary>
    public AlluxioUri GetPath(Inode inode)
    {
        ArgumentNullException.ThrowIfNull(inode);
        if (inode.ParentId < 0)
        {
            return AlluxioUri.Root;
        }

        var names = new Stack<string>();
        for (var current = inode; current.ParentId >= 0; current = Store.GetById(current.ParentId)!)
        {
            names.Push(current.Name);
        }

        return AlluxioUri.Parse("/" + string.Join('/', names));
    }

    public void Dispose() => _lock.Dispose();

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>The read lock, released on dispose.</summary>
    public readonly struct ReadLock(ReaderWriterLockSlim owner) : IDisposable
    {
        public void Dispose() => owner.ExitReadLock();
    }

    /// <summary>The write lock, released on dispose.</summary>
    internal readonly struct WriteLock(ReaderWriterLockSlim owner) : IDisposable
    {
        public void Dispose() => owner.ExitWriteLock();
    }
}
