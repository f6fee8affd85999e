namespace Alluxio.Ids;

/// <summary>
/// Alluxio's ids: an inode id is a container id followed by 24 one-bits, and block <c>i</c> of a file is the same
/// container id followed by <c>i</c>. So a file's block ids follow from its id and need no storage of their own.
/// </summary>
public static class InodeIds
{
    public const int SequenceBits = 24;

    public const long MaxSequenceNumber = (1L << SequenceBits) - 1;

    /// <summary>The id of the inode that owns container <paramref name="containerId"/>.</summary>
    public static long ForContainer(long containerId) => (containerId << SequenceBits) | MaxSequenceNumber;

    public static long ContainerOf(long id) => id >> SequenceBits;

    /// <summary>The id of block <paramref name="index"/> of the file <paramref name="fileId"/>.</summary>
    public static long BlockId(long fileId, long index) => (ContainerOf(fileId) << SequenceBits) | index;

    /// <summary>The file a block belongs to.</summary>
    public static long FileIdOfBlock(long blockId) => ForContainer(ContainerOf(blockId));

    /// <summary>The position of a block in its file.</summary>
    public static long BlockIndex(long blockId) => blockId & MaxSequenceNumber;
}
