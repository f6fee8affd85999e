using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// One page of a listing in path order, taken from a stream of statuses in any order while holding only the first
/// offset + limit of them: a directory of millions of entries is counted, not held.
/// </summary>
internal sealed class PageSelection(Paging paging)
{
    // A max-heap on path: the root is the greatest path kept, the first to go when a smaller one comes.
    private readonly PriorityQueue<FileInfo, string> _kept = new(Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));

    public int Count { get; private set; }

    public void Add(FileInfo file)
    {
        Count++;
        var keep = paging.Offset + paging.Limit;
        if (keep <= 0)
        {
            return;
        }

        if (_kept.Count < keep)
        {
            _kept.Enqueue(file, file.Path);
        }
        else if (_kept.TryPeek(out _, out var greatest) && string.CompareOrdinal(file.Path, greatest) < 0)
        {
            _kept.EnqueueDequeue(file, file.Path);
        }
    }

    /// <summary>The page's statuses in path order.</summary>
    public IReadOnlyList<FileInfo> Page()
    {
        var all = _kept.UnorderedItems.Select(i => i.Element).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return [.. all.Skip(paging.Offset).Take(paging.Limit)];
    }
}
