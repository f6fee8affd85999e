namespace Alluxio.Fuse;

/// <summary>
/// The kernel's caches of a mount, for a file system that learns that something the kernel holds is stale: the
/// kernel keeps names for entry_timeout and attributes for attr_timeout without asking again.
/// </summary>
public interface IFuseKernelCache
{
    /// <summary>The kernel drops <paramref name="name"/> in <paramref name="parent"/> from its directory cache, so its next use looks it up.</summary>
    /// <remarks>Queued: it may be called from within a request, where telling the kernel at once could deadlock.</remarks>
    public void InvalidateEntry(ulong parent, string name);
}
