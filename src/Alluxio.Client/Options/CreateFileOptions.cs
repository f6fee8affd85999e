using Alluxio.Grpc;

namespace Alluxio.Client.Options;

/// <summary>How a file's metadata is created; its data streams through a worker.</summary>
public sealed record CreateFileOptions
{
    public static CreateFileOptions Default { get; } = new();

    /// <summary>Create missing parents too.</summary>
    public bool Recursive { get; init; }

    /// <summary>Replace an existing file.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The permission bits, e.g. 0644; the master applies the umask when unset.</summary>
    public int? Mode { get; init; }

    /// <summary>alluxio.user.block.size.bytes.default when unset.</summary>
    public long? BlockSizeBytes { get; init; }

    /// <summary>alluxio.user.file.writetype.default when unset.</summary>
    public WritePType? WriteType { get; init; }

    public int ReplicationMin { get; init; }

    /// <summary>-1 for no limit.</summary>
    public int ReplicationMax { get; init; } = -1;

    /// <summary>Extended attributes the file is created with.</summary>
    public IReadOnlyDictionary<string, byte[]> XAttr { get; init; } = new Dictionary<string, byte[]>();
}
