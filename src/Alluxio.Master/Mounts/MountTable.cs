using Alluxio.Paths;

namespace Alluxio.Master.Mounts;

/// <summary>
/// The mount points by Alluxio path. Changed only while the journal applies an entry; read under the tree's lock.
/// </summary>
public sealed class MountTable
{
    private readonly Dictionary<string, MountInfo> _byPath = new(StringComparer.Ordinal);

    public int Count => _byPath.Count;

    public IEnumerable<MountInfo> All => _byPath.Values;

    public MountInfo? Get(AlluxioUri alluxioPath) => _byPath.GetValueOrDefault(alluxioPath.Path);

    /// <summary>The mount with <paramref name="mountId"/>, or null; a scan, as mounts are few.</summary>
    public MountInfo? GetById(long mountId) => _byPath.Values.FirstOrDefault(m => m.MountId == mountId);

    public bool IsMountPoint(AlluxioUri alluxioPath) => _byPath.ContainsKey(alluxioPath.Path);

    /// <summary>The mount that serves <paramref name="alluxioPath"/>: the deepest mount point at or above it.</summary>
    public MountInfo? Resolve(AlluxioUri alluxioPath)
    {
        ArgumentNullException.ThrowIfNull(alluxioPath);

        // Each ancestor is a prefix of the path's text: look them up as spans, deepest first, making no strings.
        var lookup = _byPath.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> path = alluxioPath.Path;
        while (true)
        {
            if (lookup.TryGetValue(path, out var mount))
            {
                return mount;
            }

            var slash = path.LastIndexOf(AlluxioUri.Separator);
            if (slash < 0 || path.Length == 1)
            {
                return null;
            }

            path = slash == 0 ? "/" : path[..slash];
        }
    }

    /// <summary>The mount points strictly below <paramref name="alluxioPath"/>.</summary>
    public IEnumerable<MountInfo> Below(AlluxioUri alluxioPath) =>
        _byPath.Values.Where(m => !m.AlluxioPath.Equals(alluxioPath) && alluxioPath.IsAncestorOf(m.AlluxioPath));

    internal void Add(MountInfo mount) => _byPath[mount.AlluxioPath.Path] = mount;

    internal void Remove(AlluxioUri alluxioPath) => _byPath.Remove(alluxioPath.Path);

    internal void Clear() => _byPath.Clear();
}
