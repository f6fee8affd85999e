using System.Runtime.CompilerServices;
using Alluxio.Errors;
using Alluxio.Master.Inodes;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master.Operations;

/// <summary>getStatus, exists and listStatus: they load or sync from the UFS as the caller asks, then read the tree.</summary>
public sealed class ReadOperations
{
    /// <summary>How many entries one streamed batch of a listing carries.</summary>
    public const int ListBatchSize = 1000;

    private readonly NamespaceContext _context;
    private readonly MetadataSync _sync;

    public ReadOperations(NamespaceContext context, MetadataSync sync)
    {
        _context = context;
        _sync = sync;
    }

    public async Task<FileInfo> GetStatusAsync(AlluxioUri path, CallContext call, CancellationToken cancellationToken)
    {
        if (call.SyncIntervalMs < 0)
        {
            // Without a sync, a path Alluxio has needs no UFS call: one lookup, no allocation until the answer.
            using (_context.Tree.ReadLocked())
            {
                if (_context.Tree.Lookup(path.Path) is { } inode)
                {
                    return FileInfoFactory.Create(_context.Tree, _context.Workers, inode, path);
                }
            }
        }

        await _sync.PrepareAsync(path, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        return Read(path) ?? throw NamespaceErrors.PathDoesNotExist(path);
    }

    public async Task<bool> ExistsAsync(AlluxioUri path, CallContext call, CancellationToken cancellationToken)
    {
        await _sync.PrepareAsync(path, call, DescendantType.None, cancellationToken).ConfigureAwait(false);
        using (_context.Tree.ReadLocked())
        {
            return _context.Tree.Resolve(path).Exists;
        }
    }

    /// <summary>The status of <paramref name="path"/> as the tree has it now, or null.</summary>
    public FileInfo? Read(AlluxioUri path)
    {
        using (_context.Tree.ReadLocked())
        {
            return _context.Tree.Resolve(path).Target is { } inode ? FileInfoFactory.Create(_context.Tree, _context.Workers, inode, path) : null;
        }
    }

    /// <summary>
    /// Lists a directory (or a file, which lists as itself) in batches. A recursive listing walks the subtree depth
    /// first in name order (each directory followed by what lies below it), holding one sorted child list per level,
    /// so memory grows with the directories on the current path, not with the subtree.
    /// </summary>
    /// <remarks>
    /// With <paramref name="keyRange"/>, the listing is of one directory, in object-key order and limited to the range:
    /// only the children in it become entries, so a caller paging through a large directory pays for its page.
    /// </remarks>
    public async IAsyncEnumerable<IReadOnlyList<FileInfo>> ListStatusAsync(
        AlluxioUri path, bool recursive, ListingKeyRange? keyRange, CallContext call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (keyRange is not null && recursive)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"Cannot list {path} recursively in key order: a key-ordered listing is of one directory.");
        }

        await _sync.PrepareAsync(path, call, recursive ? DescendantType.All : DescendantType.One, cancellationToken).ConfigureAwait(false);
        var tree = _context.Tree;
        var levels = new Stack<Level>();
        FileInfo? file = null;
        using (tree.ReadLocked())
        {
            var target = tree.Resolve(path).Target ?? throw NamespaceErrors.PathDoesNotExist(path);
            if (target is InodeDirectory directory)
            {
                var mount = tree.Mounts.Resolve(path)!;
                var children = keyRange is null ? SortedChildren(directory) : ChildrenInKeyOrder(directory, keyRange);
                levels.Push(new Level(path.ToString(), mount, mount.ToUfs(path).ToString(), children));
            }
            else
            {
                file = FileInfoFactory.Create(tree, _context.Workers, target, path);
            }
        }

        // Yielded outside the lock: the tree's lock belongs to a thread, and the caller awaits network I/O in between.
        if (file is not null)
        {
            yield return [file];
            yield break;
        }

        var batch = new List<FileInfo>();
        while (levels.TryPeek(out var level))
        {
            if (level.Next >= level.Children.Count)
            {
                levels.Pop();
                continue;
            }

            var child = level.Children[level.Next++];
            var childPath = Under(level.Path, child.Name);
            var mount = level.Mount;
            var ufsPath = Under(level.UfsPath, child.Name);
            using (tree.ReadLocked())
            {
                if (child is InodeDirectory { IsMountPoint: true } && tree.Mounts.Get(AlluxioUri.Parse(childPath)) is { } nested)
                {
                    mount = nested;
                    ufsPath = nested.UfsUri.ToString();
                }

                batch.Add(FileInfoFactory.Create(tree, _context.Workers, child, childPath, mount, ufsPath));
                if (recursive && child is InodeDirectory childDirectory)
                {
                    levels.Push(new Level(childPath, mount, ufsPath, SortedChildren(childDirectory)));
                }
            }

            if (batch.Count >= ListBatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return batch;
                batch = [];
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>A directory's children in name order. Call under the read lock.</summary>
    private List<Inode> SortedChildren(InodeDirectory directory)
    {
        var children = new List<Inode>(_context.Tree.Store.GetChildren(directory));
        children.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return children;
    }

    /// <summary>The children in <paramref name="range"/>, in object-key order. Call under the read lock.</summary>
    private List<Inode> ChildrenInKeyOrder(InodeDirectory directory, ListingKeyRange range)
    {
        var keyed = new List<(string Key, Inode Child)>();
        foreach (var child in _context.Tree.Store.GetChildren(directory))
        {
            if (!child.Name.StartsWith(range.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var key = child is InodeDirectory ? child.Name + "/" : child.Name;
            if (CodePointOrder.Instance.Compare(key, range.StartAfter) > 0)
            {
                keyed.Add((key, child));
            }
        }

        keyed.Sort(static (a, b) => CodePointOrder.Instance.Compare(a.Key, b.Key));
        return keyed.ConvertAll(static k => k.Child);
    }

    /// <summary>The path of <paramref name="name"/> inside <paramref name="parent"/>; names never need normalising.</summary>
    private static string Under(string parent, string name) =>
        parent.EndsWith(AlluxioUri.Separator) ? parent + name : parent + AlluxioUri.Separator + name;

    /// <summary>One directory being listed: where it is, its mount, its children and how far the listing got.</summary>
    private sealed class Level(string path, Mounts.MountInfo mount, string ufsPath, List<Inode> children)
    {
        public string Path { get; } = path;

        public Mounts.MountInfo Mount { get; } = mount;

        public string UfsPath { get; } = ufsPath;

        public List<Inode> Children { get; } = children;

        public int Next { get; set; }
    }
}
