namespace Alluxio.Client.Options;

/// <summary>How a UFS is mounted; also the new options of updateMount.</summary>
public sealed record MountOptions
{
    public static MountOptions Default { get; } = new();

    /// <summary>Reject writes under the mount point.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Make the mount point and what is loaded under it accessible to everyone.</summary>
    public bool Shared { get; init; }

    /// <summary>UFS properties of this mount (credentials among them); the mount table shows credentials masked.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
