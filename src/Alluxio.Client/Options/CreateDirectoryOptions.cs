using Alluxio.Grpc;

namespace Alluxio.Client.Options;

/// <summary>How a directory is created.</summary>
public sealed record CreateDirectoryOptions
{
    public static CreateDirectoryOptions Default { get; } = new();

    /// <summary>Create missing parents too.</summary>
    public bool Recursive { get; init; }

    /// <summary>Succeed when the directory already exists.</summary>
    public bool AllowExists { get; init; }

    /// <summary>The permission bits, e.g. 0755; the master applies the umask when unset.</summary>
    public int? Mode { get; init; }

    /// <summary>Whether the directory is made in the UFS too; alluxio.user.file.writetype.default when unset.</summary>
    public WritePType? WriteType { get; init; }

    /// <summary>Extended attributes the directory is created with (not the parents made with it).</summary>
    public IReadOnlyDictionary<string, byte[]> XAttr { get; init; } = new Dictionary<string, byte[]>();
}
