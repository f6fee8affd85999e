namespace Alluxio.Fuse;

/// <summary>What statfs reports: capacity and free space in blocks of <paramref name="BlockSize"/> bytes.</summary>
public readonly record struct FuseFileSystemStats(uint BlockSize, ulong Blocks, ulong BlocksFree, ulong Files, ulong FilesFree, uint NameMax);
