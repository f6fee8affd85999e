using Alluxio.Ids;

namespace Alluxio.Master.Inodes;

public sealed class InodeFile : Inode
{
    public InodeFile(long id, long parentId, string name, long creationTimeMs, long blockSizeBytes)
        : base(id, parentId, name, creationTimeMs)
    {
        BlockSizeBytes = blockSizeBytes;
    }

    public override bool IsDirectory => false;

    public long BlockSizeBytes { get; }

    public long Length { get; internal set; }

    public bool Completed { get; internal set; }

    public bool Cacheable { get; internal set; } = true;

    public int ReplicationMin { get; internal set; }

    /// <summary>-1 means no maximum.</summary>
    public int ReplicationMax { get; internal set; } = -1;

    public int ReplicationDurable { get; internal set; } = 1;

    public IReadOnlyList<string> PinnedMedia { get; internal set; } = [];

    /// <summary>How many blocks the file has: its length in blocks, rounded up.</summary>
    public long BlockCount => Length <= 0 || BlockSizeBytes <= 0 ? 0 : ((Length - 1) / BlockSizeBytes) + 1;

    /// <summary>The ids of the file's blocks, in order.</summary>
    public IEnumerable<long> BlockIds
    {
        get
        {
            for (long i = 0; i < BlockCount; i++)
            {
                yield return InodeIds.BlockId(Id, i);
            }
        }
    }
}
