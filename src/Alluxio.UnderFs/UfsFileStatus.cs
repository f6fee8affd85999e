namespace Alluxio.UnderFs;

/// <summary>A file: its length and the UFS's content hash (the qetag for Kodo), "" when the UFS has none.</summary>
public sealed record UfsFileStatus(
    string Name,
    string ContentHash,
    long ContentLength,
    DateTimeOffset? LastModified,
    string Owner = "",
    string Group = "",
    int Mode = UfsFileStatus.DefaultMode,
    long BlockSize = 64L << 20)
    : UfsStatus(Name, Owner, Group, Mode, LastModified)
{
    /// <summary>rw-r--r--, a file made under the default umask 022.</summary>
    public const int DefaultMode = 0b110_100_100;

    public override bool IsDirectory => false;
}
