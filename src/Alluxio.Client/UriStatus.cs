using Alluxio.Grpc;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Client;

/// <summary>What the master knows of one file or directory, with typed properties over the wire's <see cref="FileInfo"/>.</summary>
public sealed class UriStatus
{
    public UriStatus(FileInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
    }

    /// <summary>The wire form, for fields without a property here.</summary>
    public FileInfo Info { get; }

    public long FileId => Info.FileId;

    public string Name => Info.Name;

    /// <summary>The absolute Alluxio path.</summary>
    public string Path => Info.Path;

    public string UfsPath => Info.UfsPath;

    /// <summary>Bytes for a file; the number of children for a directory, as Alluxio reports it.</summary>
    public long Length => Info.Length;

    public long BlockSizeBytes => Info.BlockSizeBytes;

    public bool IsFolder => Info.Folder;

    public bool IsCompleted => Info.Completed;

    public bool IsPinned => Info.Pinned;

    public IReadOnlyList<string> PinnedMediumTypes => Info.MediumType;

    public bool IsPersisted => Info.Persisted;

    /// <summary>NOT_PERSISTED, TO_BE_PERSISTED, PERSISTED or LOST.</summary>
    public string PersistenceState => Info.PersistenceState;

    public bool IsMountPoint => Info.MountPoint;

    public long MountId => Info.MountId;

    public string Owner => Info.Owner;

    public string Group => Info.Group;

    /// <summary>The POSIX permission bits, e.g. 0755.</summary>
    public int Mode => Info.Mode;

    public long CreationTimeMs => Info.CreationTimeMs;

    public long LastModificationTimeMs => Info.LastModificationTimeMs;

    public long LastAccessTimeMs => Info.LastAccessTimeMs;

    public DateTimeOffset LastModificationTime => DateTimeOffset.FromUnixTimeMilliseconds(Info.LastModificationTimeMs);

    /// <summary>The time to live in milliseconds; -1 for none.</summary>
    public long Ttl => Info.Ttl;

    public TtlAction TtlAction => Info.TtlAction;

    public int InAlluxioPercentage => Info.InAlluxioPercentage;

    public int InMemoryPercentage => Info.InMemoryPercentage;

    public int ReplicationMin => Info.ReplicationMin;

    public int ReplicationMax => Info.ReplicationMax;

    public IReadOnlyList<long> BlockIds => Info.BlockIds;

    public string UfsFingerprint => Info.UfsFingerprint;

    /// <summary>Extended attributes, name to raw value.</summary>
    public IReadOnlyDictionary<string, Google.Protobuf.ByteString> XAttr => Info.Xattr;

    public override string ToString() => Info.ToString();
}
