namespace Alluxio.UnderFs;

/// <summary>Makes the UFS for the paths it supports, e.g. every kodo:// URI.</summary>
public interface IUnderFileSystemFactory
{
    public bool SupportsPath(string path);

    public IUnderFileSystem Create(string path, UnderFileSystemConfiguration configuration);
}
