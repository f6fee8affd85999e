namespace Alluxio.Fuse;

/// <summary>What the kernel is told about an inode: its number, type and permission bits, owner, size and times.</summary>
/// <param name="Mode">The file type bits (<see cref="FileTypeDirectory"/> or <see cref="FileTypeRegular"/>) and the permission bits.</param>
/// <param name="ModifiedMs">Milliseconds since the Unix epoch; also given as the access and change times, so reads never change it.</param>
public readonly record struct FuseAttributes(ulong Ino, uint Mode, uint LinkCount, uint Uid, uint Gid, long Size, long ModifiedMs)
{
    public const uint FileTypeDirectory = 0x4000;
    public const uint FileTypeRegular = 0x8000;

    public bool IsDirectory => (Mode & 0xF000) == FileTypeDirectory;
}
