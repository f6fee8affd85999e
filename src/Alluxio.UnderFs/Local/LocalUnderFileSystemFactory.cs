using Alluxio.Configuration;
using Alluxio.Paths;

namespace Alluxio.UnderFs.Local;

/// <summary>Local paths: /x and file:///x.</summary>
public sealed class LocalUnderFileSystemFactory : IUnderFileSystemFactory
{
    public IReadOnlyList<string> Schemes { get; } = [UnderFileSystemRegistry.LocalScheme];

    public UnderFileSystem Create(AlluxioUri uri, UnderFileSystemConfiguration configuration, UnderFileSystemContext context)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!uri.IsPathAbsolute)
        {
            throw Errors.InvalidPathException.ForPath(uri.ToString(), "a local path must be absolute");
        }

        return new LocalUnderFileSystem(configuration.Configuration.GetBytes(PropertyKeys.UserBlockSizeBytesDefault));
    }
}
