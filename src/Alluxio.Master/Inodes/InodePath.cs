using Alluxio.Paths;

namespace Alluxio.Master.Inodes;

/// <summary>
/// A path looked up in the tree: the inodes found from the root down, which may stop short of the whole path.
/// </summary>
public sealed class InodePath
{
    internal InodePath(AlluxioUri uri, string[] components, List<Inode> inodes)
    {
        Uri = uri;
        Components = components;
        Inodes = inodes;
    }

    public AlluxioUri Uri { get; }

    /// <summary>The names below the root, e.g. ["a", "b"] for /a/b.</summary>
    public IReadOnlyList<string> Components { get; }

    /// <summary>The inodes found, root first; one more than the components when the whole path exists.</summary>
    public IReadOnlyList<Inode> Inodes { get; }

    public bool Exists => Inodes.Count == Components.Count + 1;

    /// <summary>The inode at the path, or null when it does not exist.</summary>
    public Inode? Target => Exists ? Inodes[^1] : null;

    /// <summary>The parent directory when it exists (null for the root or a missing parent).</summary>
    public InodeDirectory? Parent => Components.Count > 0 && Inodes.Count >= Components.Count ? Inodes[Components.Count - 1] as InodeDirectory : null;

    /// <summary>The deepest inode found, which is a file when the path runs through one.</summary>
    public Inode LastExisting => Inodes[^1];

    /// <summary>The number of path components that do not exist.</summary>
    public int MissingCount => Components.Count + 1 - Inodes.Count;

    /// <summary>The path of the first component that does not exist (the path itself when only it is missing).</summary>
    public AlluxioUri FirstMissingPath => PathOfDepth(Inodes.Count);

    /// <summary>The path made of the first <paramref name="depth"/> components.</summary>
    public AlluxioUri PathOfDepth(int depth) =>
        depth == 0 ? AlluxioUri.Root : AlluxioUri.Parse("/" + string.Join('/', Components.Take(depth)));
}
