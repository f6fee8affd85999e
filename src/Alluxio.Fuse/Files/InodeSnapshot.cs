namespace Alluxio.Fuse.Files;

/// <summary>An inode's attributes as fetched at <paramref name="FetchedAt"/>, and whether the file was complete then.</summary>
internal sealed record InodeSnapshot(FuseAttributes Attributes, bool Complete, long FetchedAt);
