namespace Alluxio.Client.Options;

/// <summary>How metadata is loaded from the UFS without listing it back (loadMetadata).</summary>
public sealed record LoadMetadataOptions
{
    public static LoadMetadataOptions Default { get; } = new();

    /// <summary>Load the whole subtree.</summary>
    public bool Recursive { get; init; }

    /// <summary>Sync the paths Alluxio already knows as well (a sync interval of 0), as loadMetadata -F does.</summary>
    public bool Force { get; init; }
}
