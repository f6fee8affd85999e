using Alluxio.Grpc;

namespace Alluxio.Client.Options;

/// <summary>How a single path is looked up; unset values come from the client's configuration.</summary>
public sealed record GetStatusOptions
{
    public static GetStatusOptions Default { get; } = new();

    /// <summary>When a path Alluxio does not know yet is looked up in the UFS.</summary>
    public LoadMetadataPType? LoadMetadataType { get; init; }

    /// <summary>How old the metadata may be before it is synced with the UFS: negative never, zero always.</summary>
    public TimeSpan? SyncInterval { get; init; }
}
