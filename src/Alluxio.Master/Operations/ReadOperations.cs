using System.Runtime.CompilerServices;
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
            return _context.Tree.Resolve(path).Target is { } inode ? FileInfoFactory.Create(_context.Tree, inode, path) : null;
        }
    }

    /// <summary>
    /// Lists a directory (or a file, which lists as itself) in batches. A recursive listing walks the subtree depth
    /// first, one directory at a time, so memory grows with one directory's size, not the subtree's.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<FileInfo>> ListStatusAsync(
        AlluxioUri path, bool recursive, CallContext call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _sync.PrepareAsync(path, call, recursive ? DescendantType.All : DescendantType.One, cancellationToken).ConfigureAwait(false);
        var pending = new Stack<AlluxioUri>();
        using (_context.Tree.ReadLocked())
        {
            var target = _context.Tree.Resolve(path).Target ?? throw NamespaceErrors.PathDoesNotExist(path);
            if (target is InodeFile)
            {
                pending.Clear();
                yield return [FileInfoFactory.Create(_context.Tree, target, path)];
                yield break;
            }
        }

        pending.Push(path);
        while (pending.TryPop(out var directoryPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<(Inode Inode, AlluxioUri Path)> children;
            using (_context.Tree.ReadLocked())
            {
                if (_context.Tree.Resolve(directoryPath).Target is not InodeDirectory directory)
                {
                    // Gone since it was listed by its parent.
                    continue;
                }

                children = [.. _context.Tree.Store.GetChildren(directory)
                    .OrderBy(c => c.Name, StringComparer.Ordinal)
                    .Select(c => (c, directoryPath.Join(c.Name)))];
            }

            for (var start = 0; start < children.Count; start += ListBatchSize)
            {
                var batch = new List<FileInfo>(Math.Min(ListBatchSize, children.Count - start));
                using (_context.Tree.ReadLocked())
                {
                    for (var i = start; i < Math.Min(start + ListBatchSize, children.Count); i++)
                    {
                        batch.Add(FileInfoFactory.Create(_context.Tree, children[i].Inode, children[i].Path));
                    }
                }

                yield return batch;
            }

            if (recursive)
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    if (children[i].Inode.IsDirectory)
                    {
                        pending.Push(children[i].Path);
                    }
                }
            }
        }
    }
}
