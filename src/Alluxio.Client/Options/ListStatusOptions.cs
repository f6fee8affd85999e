using Alluxio.Grpc;

namespace Alluxio.Client.Options;

/// <summary>How a directory is listed; unset values come from the client's configuration.</summary>
public sealed record ListStatusOptions
{
    public static ListStatusOptions Default { get; } = new();

    /// <summary>List the whole subtree, not only the direct children.</summary>
    public bool Recursive { get; init; }

    /// <summary>When paths Alluxio does not know yet are looked up in the UFS (ls -f asks for ALWAYS).</summary>
    public LoadMetadataPType? LoadMetadataType { get; init; }

    /// <summary>How old the metadata may be before it is synced with the UFS: negative never, zero always.</summary>
    public TimeSpan? SyncInterval { get; init; }

    /// <summary>
    /// A directory's children in object-key order (a directory's name with a trailing "/", by code point), limited to
    /// <see cref="KeyRange"/>; null for the usual name order. Not recursive.
    /// </summary>
    public ChildKeyRange? KeyRange { get; init; }
}
