namespace Alluxio.UnderFs;

/// <summary>A directory.</summary>
public sealed record UfsDirectoryStatus(
    string Name,
    DateTimeOffset? LastModified = null,
    string Owner = "",
    string Group = "",
    int Mode = UfsDirectoryStatus.DefaultMode)
    : UfsStatus(Name, Owner, Group, Mode, LastModified)
{
    /// <summary>rwxr-xr-x, a directory made under the default umask 022.</summary>
    public const int DefaultMode = 0b111_101_101;

    public override bool IsDirectory => true;
}
