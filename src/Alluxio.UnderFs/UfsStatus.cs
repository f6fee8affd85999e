namespace Alluxio.UnderFs;

/// <summary>What a UFS knows of one path; <see cref="Name"/> is relative to the listed folder, or the path's last part.</summary>
public abstract record UfsStatus(string Name, string Owner, string Group, int Mode, DateTimeOffset? LastModified)
{
    public abstract bool IsDirectory { get; }

    public bool IsFile => !IsDirectory;
}
