namespace Alluxio.UnderFs;

/// <summary>The UFS factories known to a process; the first that supports a path makes its UFS.</summary>
public sealed class UnderFileSystemRegistry
{
    private readonly List<IUnderFileSystemFactory> _factories = [];

    public UnderFileSystemRegistry Register(IUnderFileSystemFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories.Add(factory);
        return this;
    }

    public bool SupportsPath(string path) => _factories.Any(f => f.SupportsPath(path));

    /// <summary>Creates the UFS for <paramref name="path"/>, wrapped with metrics and logging.</summary>
    /// <exception cref="ArgumentException">No factory supports the path.</exception>
    public IUnderFileSystem Create(string path, UnderFileSystemConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var factory = _factories.Find(f => f.SupportsPath(path))
            ?? throw new ArgumentException($"Unable to create an UnderFileSystem instance for path: {path}", nameof(path));
        return new UnderFileSystemWithLogging(factory.Create(path, configuration), path, configuration);
    }
}
