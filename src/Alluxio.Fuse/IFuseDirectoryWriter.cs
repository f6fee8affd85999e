namespace Alluxio.Fuse;

/// <summary>
/// The reply buffer of one readdir or readdirplus: entries are added until it is full. An entry that did not fit
/// was not given to the kernel (and, for readdirplus, takes no lookup reference); it comes first in the next call.
/// </summary>
public interface IFuseDirectoryWriter
{
    /// <summary>Whether the kernel asked for attributes with each entry (readdirplus).</summary>
    public bool Plus { get; }

    /// <summary>Adds one entry; false when it did not fit.</summary>
    /// <param name="nextOffset">The offset the kernel passes to continue after this entry.</param>
    public bool TryAdd(string name, in FuseEntry entry, long nextOffset);
}
