namespace Alluxio.Worker.BlockStore;

/// <summary>Why a committed block left the store.</summary>
public enum BlockRemovalReason
{
    /// <summary>A write needed the space.</summary>
    Evicted,

    /// <summary>A caller removed it.</summary>
    Removed,
}
