namespace Alluxio.Master.Inodes;

/// <summary>
/// Where inodes live. The tree calls it only under its own lock: writes while applying a journal entry, reads
/// from any number of readers at once. The heap store keeps everything in memory; a RocksDB store can replace it.
/// </summary>
public interface IInodeStore
{
    /// <summary>The number of inodes, the root included.</summary>
    public long Count { get; }

    public Inode? GetById(long id);

    public Inode? GetChild(InodeDirectory parent, string name);

    /// <summary>The child named <paramref name="name"/>, looked up without making a string of the name.</summary>
    public Inode? GetChild(InodeDirectory parent, ReadOnlySpan<char> name);

    public int GetChildCount(InodeDirectory directory);

    /// <summary>A copy of the children of <paramref name="directory"/>, in no particular order.</summary>
    public IReadOnlyList<Inode> GetChildren(InodeDirectory directory);

    /// <summary>Adds an inode under its parent (the root has none).</summary>
    public void Add(Inode inode);

    /// <summary>Removes one inode, which has no children left, from its parent and the store.</summary>
    public void Remove(Inode inode);

    /// <summary>Moves an inode under <paramref name="newParent"/> with the name <paramref name="newName"/>.</summary>
    public void Move(Inode inode, InodeDirectory newParent, string newName);

    /// <summary>Drops every inode.</summary>
    public void Clear();
}
