using Alluxio.Errors;
using Alluxio.Paths;

namespace Alluxio.Client;

/// <summary>How the client names a path to the master.</summary>
public static class AlluxioPath
{
    private const string AlluxioScheme = "alluxio";

    /// <summary>
    /// The absolute, normalised Alluxio path <paramref name="path"/> names: a relative path (kodo/x) resolves from
    /// the root (/kodo/x), and alluxio://host:port/x names /x.
    /// </summary>
    /// <exception cref="InvalidPathException">The text is empty, climbs above the root or names another file system.</exception>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var uri = AlluxioUri.Parse(path);
        if (uri.HasScheme && uri.Scheme != AlluxioScheme)
        {
            throw InvalidPathException.ForPath(path, $"{uri.Scheme}:// is not an Alluxio path; name the Alluxio path it is mounted at");
        }

        if (uri.IsPathAbsolute)
        {
            return uri.Path;
        }

        return uri.Path == "." ? "/" : AlluxioUri.NormalizePath("/" + uri.Path, path);
    }
}
