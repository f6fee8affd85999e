using Alluxio.Configuration;
using Alluxio.Paths;

namespace Alluxio.UnderFs.Local;

/// <summary>Local paths: /x and file:///x.</summary>
public sealed class LocalUnderFileSystemFactory : IUnderFileSystemFactory
{
    public bool SupportsPath(string path) =>
        AlluxioUri.TryParse(path, out var uri) && uri!.Scheme is null or "file" && uri.IsPathAbsolute;

    public IUnderFileSystem Create(string path, UnderFileSystemConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new LocalUnderFileSystem(configuration.Configuration.GetBytes(PropertyKeys.UserBlockSizeBytesDefault));
    }
}
