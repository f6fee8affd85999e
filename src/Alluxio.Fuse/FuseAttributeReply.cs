namespace Alluxio.Fuse;

/// <summary>An inode's attributes and how long the kernel may keep them.</summary>
public readonly record struct FuseAttributeReply(FuseAttributes Attributes, TimeSpan Timeout);
