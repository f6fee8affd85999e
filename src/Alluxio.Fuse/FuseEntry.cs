namespace Alluxio.Fuse;

/// <summary>
/// A name's answer to the kernel: the inode it names and how long the kernel may keep the name
/// (<paramref name="EntryTimeout"/>) and the attributes (<paramref name="AttributeTimeout"/>) without asking again.
/// An inode number of 0 is a negative entry: the name does not exist, for <paramref name="EntryTimeout"/>.
/// </summary>
public readonly record struct FuseEntry(FuseAttributes Attributes, TimeSpan EntryTimeout, TimeSpan AttributeTimeout);
