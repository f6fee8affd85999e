using Alluxio.Paths;

namespace Alluxio.Client;

/// <summary>How the client names a path to the master.</summary>
public static class AlluxioPath
{
    /// <summary>
    /// The absolute, normalised Alluxio path <paramref name="path"/> names: a relative path (kodo/x) resolves from
    /// the root (/kodo/x), and alluxio://host:port/x names /x. The master applies the same rules, so a bad path fails
    /// here with the master's message, before any call.
    /// </summary>
    /// <exception cref="Errors.InvalidPathException">The text is empty, too long, not UTF-8, climbs above the root or names another file system.</exception>
    public static string Resolve(string path) => NamespacePaths.Parse(path).Path;
}
