using Alluxio.Paths;

namespace Alluxio.UnderFs;

/// <summary>Makes the UFS for the URI schemes it serves, e.g. every kodo:// URI.</summary>
public interface IUnderFileSystemFactory
{
    /// <summary>The lower-case URI schemes served; "file" also serves bare absolute paths.</summary>
    public IReadOnlyList<string> Schemes { get; }

    /// <summary>Makes the UFS for <paramref name="uri"/>, whose scheme is one of <see cref="Schemes"/>.</summary>
    /// <exception cref="Errors.InvalidPathException">The rest of the URI cannot name a location of this UFS.</exception>
    /// <exception cref="Configuration.ConfigurationException">A setting the UFS needs is missing or invalid.</exception>
    public UnderFileSystem Create(AlluxioUri uri, UnderFileSystemConfiguration configuration, UnderFileSystemContext context);
}
