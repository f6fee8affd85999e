namespace Alluxio.Master.Inodes;

/// <summary>Alluxio's HEAP metastore: inodes by id in one dictionary, children in a dictionary per directory.</summary>
public sealed class HeapInodeStore : IInodeStore
{
    private readonly Dictionary<long, Inode> _byId = [];

    public long Count => _byId.Count;

    public Inode? GetById(long id) => _byId.GetValueOrDefault(id);

    public Inode? GetChild(InodeDirectory parent, string name) =>
        parent.Children is { } children && children.TryGetValue(name, out var child) ? child : null;

    public Inode? GetChild(InodeDirectory parent, ReadOnlySpan<char> name) =>
        parent.Children is { } children && children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var child) ? child : null;

    public int GetChildCount(InodeDirectory directory) => directory.Children?.Count ?? 0;

    public IReadOnlyList<Inode> GetChildren(InodeDirectory directory) =>
        directory.Children is { } children ? [.. children.Values] : [];

    public void Add(Inode inode)
    {
        ArgumentNullException.ThrowIfNull(inode);
        if (inode.ParentId >= 0)
        {
            var parent = (InodeDirectory)_byId[inode.ParentId];
            (parent.Children ??= new Dictionary<string, Inode>(StringComparer.Ordinal)).Add(inode.Name, inode);
        }

        _byId.Add(inode.Id, inode);
    }

    public void Remove(Inode inode)
    {
        ArgumentNullException.ThrowIfNull(inode);
        if (_byId.GetValueOrDefault(inode.ParentId) is InodeDirectory parent)
        {
            parent.Children?.Remove(inode.Name);
            if (parent.Children is { Count: 0 })
            {
                parent.Children = null;
            }
        }

        _byId.Remove(inode.Id);
    }

    public void Move(Inode inode, InodeDirectory newParent, string newName)
    {
        ArgumentNullException.ThrowIfNull(inode);
        ArgumentNullException.ThrowIfNull(newParent);
        if (_byId.GetValueOrDefault(inode.ParentId) is InodeDirectory oldParent)
        {
            oldParent.Children?.Remove(inode.Name);
            if (oldParent.Children is { Count: 0 })
            {
                oldParent.Children = null;
            }
        }

        inode.ParentId = newParent.Id;
        inode.Name = newName;
        (newParent.Children ??= new Dictionary<string, Inode>(StringComparer.Ordinal)).Add(newName, inode);
    }

    public void Clear() => _byId.Clear();
}
