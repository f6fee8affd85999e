namespace Alluxio.Master.Inodes;

public sealed class InodeDirectory : Inode
{
    public InodeDirectory(long id, long parentId, string name, long creationTimeMs)
        : base(id, parentId, name, creationTimeMs)
    {
    }

    public override bool IsDirectory => true;

    public bool IsMountPoint { get; internal set; }

    /// <summary>Whether the children were listed from the UFS, so a lookup with load type ONCE need not list again.</summary>
    public bool DirectChildrenLoaded { get; internal set; }

    /// <summary>The children by name; owned by <see cref="HeapInodeStore"/>, created with the first child.</summary>
    internal Dictionary<string, Inode>? Children { get; set; }
}
