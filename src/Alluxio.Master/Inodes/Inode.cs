using Alluxio.Grpc;

namespace Alluxio.Master.Inodes;

/// <summary>
/// A file or directory of the namespace. Inodes change only while the journal applies an entry (under the tree's
/// write lock), so readers holding the read lock see each entry's changes whole.
/// </summary>
public abstract class Inode
{
    /// <summary>No TTL.</summary>
    public const long NoTtl = -1;

    private static readonly IReadOnlyDictionary<string, Google.Protobuf.ByteString> s_emptyXAttr = new Dictionary<string, Google.Protobuf.ByteString>();

    protected Inode(long id, long parentId, string name, long creationTimeMs)
    {
        Id = id;
        ParentId = parentId;
        Name = name;
        CreationTimeMs = creationTimeMs;
        LastModificationTimeMs = creationTimeMs;
    }

    public long Id { get; }

    /// <summary>The parent's id; -1 for the root.</summary>
    public long ParentId { get; internal set; }

    public string Name { get; internal set; }

    public long CreationTimeMs { get; }

    public long LastModificationTimeMs { get; internal set; }

    public string Owner { get; internal set; } = "";

    public string Group { get; internal set; } = "";

    /// <summary>The POSIX permission bits, e.g. 0755.</summary>
    public int Mode { get; internal set; }

    public PersistenceState PersistenceState { get; internal set; } = PersistenceState.NotPersisted;

    public bool IsPersisted => PersistenceState == PersistenceState.Persisted;

    public bool Pinned { get; internal set; }

    /// <summary>Milliseconds after creation when <see cref="TtlAction"/> applies, or <see cref="NoTtl"/>.</summary>
    public long Ttl { get; internal set; } = NoTtl;

    public TtlAction TtlAction { get; internal set; } = TtlAction.Delete;

    /// <summary>Extended attributes, name to raw value; never null. Replaced whole when they change.</summary>
    public IReadOnlyDictionary<string, Google.Protobuf.ByteString> XAttr { get; internal set; } = s_emptyXAttr;

    /// <summary>The UFS fingerprint recorded when the inode was loaded or persisted; "" when unknown.</summary>
    public string UfsFingerprint { get; internal set; } = "";

    /// <summary>
    /// When metadata sync last compared this path with the UFS (ms since the epoch); 0 never. Kept in memory only:
    /// after a restart the first access with a sync interval syncs again, as in Alluxio.
    /// </summary>
    public long LastSyncTimeMs { get; internal set; }

    /// <summary>
    /// When metadata sync last compared this directory's children with the UFS listing; 0 never. A sync of the
    /// directory alone (a getStatus) does not count: a listing within the interval would miss new UFS children.
    /// </summary>
    public long LastChildrenSyncTimeMs { get; internal set; }

    public abstract bool IsDirectory { get; }

    public bool IsFile => !IsDirectory;
}
