using Alluxio.Errors;
using Alluxio.Paths;

namespace Alluxio.UnderFs;

/// <summary>
/// The UFS factories known to a process, by URI scheme. Every UFS it makes is built with the process's
/// <see cref="UnderFileSystemContext"/> and wrapped in <see cref="UnderFileSystemWithLogging"/>, the UFS layer's
/// one error boundary.
/// </summary>
public sealed class UnderFileSystemRegistry
{
    /// <summary>The scheme a bare path such as /data/x belongs to.</summary>
    public const string LocalScheme = "file";

    private readonly Dictionary<string, IUnderFileSystemFactory> _byScheme = new(StringComparer.Ordinal);
    private readonly UnderFileSystemMetrics _metrics;

    public UnderFileSystemRegistry(UnderFileSystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _metrics = new UnderFileSystemMetrics(context.Meter, context.Instance);
    }

    /// <summary>What every UFS made here is built with.</summary>
    public UnderFileSystemContext Context { get; }

    /// <summary>The schemes served, sorted.</summary>
    public IReadOnlyList<string> Schemes => [.. _byScheme.Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="InvalidOperationException">Another factory already serves one of the factory's schemes.</exception>
    public UnderFileSystemRegistry Register(IUnderFileSystemFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        foreach (var scheme in factory.Schemes)
        {
            if (!_byScheme.TryAdd(scheme, factory))
            {
                throw new InvalidOperationException($"Two under file systems claim the scheme '{scheme}'.");
            }
        }

        return this;
    }

    /// <summary>Creates the UFS for <paramref name="path"/>.</summary>
    /// <exception cref="InvalidPathException">The path is malformed, or no UFS serves its scheme; the message says which.</exception>
    /// <exception cref="Configuration.ConfigurationException">A setting the UFS needs is missing or invalid.</exception>
    public UnderFileSystem Create(string path, UnderFileSystemConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var uri = AlluxioUri.Parse(path);
        var scheme = SchemeOf(uri);
        if (!_byScheme.TryGetValue(scheme, out var factory))
        {
            throw new InvalidPathException(
                $"No under file system supports the scheme '{scheme}' of {path}; supported schemes: {string.Join(", ", Schemes)}.");
        }

        if (uri.Scheme is null && !uri.IsPathAbsolute)
        {
            throw InvalidPathException.ForPath(path, "a local path must be absolute");
        }

        return new UnderFileSystemWithLogging(factory.Create(uri, configuration, Context), path, configuration, Context, _metrics);
    }

    private static string SchemeOf(AlluxioUri uri) => uri.Scheme ?? LocalScheme;
}
