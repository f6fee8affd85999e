namespace Alluxio.Client.Options;

/// <summary>How a path is deleted.</summary>
public sealed record DeleteOptions
{
    public static DeleteOptions Default { get; } = new();

    /// <summary>Delete a directory with its subtree.</summary>
    public bool Recursive { get; init; }

    /// <summary>Delete from Alluxio only; the UFS keeps the data.</summary>
    public bool AlluxioOnly { get; init; }

    /// <summary>Delete without checking that Alluxio and the UFS agree about the subtree.</summary>
    public bool Unchecked { get; init; }

    /// <summary>Allow deleting a mount point (it is unmounted).</summary>
    public bool DeleteMountPoint { get; init; }
}
