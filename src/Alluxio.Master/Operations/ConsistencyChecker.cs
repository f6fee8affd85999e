using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.Master.Sync;
using Alluxio.Paths;
using Alluxio.UnderFs;

namespace Alluxio.Master.Operations;

/// <summary>checkConsistency: the persisted paths under a path whose UFS copy is missing or differs.</summary>
public sealed class ConsistencyChecker
{
    private readonly NamespaceContext _context;

    public ConsistencyChecker(NamespaceContext context)
    {
        _context = context;
    }

    public async Task<IReadOnlyList<string>> CheckAsync(AlluxioUri path, CancellationToken cancellationToken)
    {
        var inodes = new List<(AlluxioUri Path, Inode Inode, MountInfo Mount)>();
        using (_context.Tree.ReadLocked())
        {
            var root = _context.Tree.Resolve(path).Target ?? throw NamespaceErrors.PathDoesNotExist(path);
            var pending = new Stack<(AlluxioUri, Inode)>();
            pending.Push((path, root));
            while (pending.TryPop(out var item))
            {
                var (itemPath, inode) = item;
                if (inode.IsPersisted)
                {
                    inodes.Add((itemPath, inode, _context.Tree.Mounts.Resolve(itemPath)!));
                }

                if (inode is InodeDirectory directory)
                {
                    foreach (var child in _context.Tree.Store.GetChildren(directory))
                    {
                        pending.Push((itemPath.Join(child.Name), child));
                    }
                }
            }
        }

        var inconsistent = new System.Collections.Concurrent.ConcurrentBag<string>();
        var concurrency = Math.Max(1, _context.Configuration.GetInt(Configuration.PropertyKeys.MasterMetadataSyncConcurrencyLevel));
        await Parallel.ForEachAsync(
            inodes,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var ufs = _context.Ufs.Get(item.Mount);
                var status = await MetadataSync.StatusOrNullAsync(ufs, item.Mount.ToUfs(item.Path), ct).ConfigureAwait(false);
                if (status is null || UfsInodes.Compare(item.Inode, status, ufs.UnderFSType) == SyncVerdict.Replace
                    || (status is UfsFileStatus file && item.Inode is InodeFile inodeFile && file.ContentLength != inodeFile.Length))
                {
                    inconsistent.Add(item.Path.ToString());
                }
            }).ConfigureAwait(false);
        return [.. inconsistent.Order(StringComparer.Ordinal)];
    }
}
