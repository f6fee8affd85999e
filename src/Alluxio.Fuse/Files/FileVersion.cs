namespace Alluxio.Fuse.Files;

/// <summary>What identifies one version of a file's bytes: Alluxio never changes a complete file in place.</summary>
internal readonly record struct FileVersion(long FileId, long Length, long ModifiedMs);
