using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>The two kinds of path cp takes: file:// for this machine, alluxio:// or no scheme for Alluxio.</summary>
internal static class LocalUri
{
    private const string Scheme = "file://";

    public static bool IsLocal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith("file:", StringComparison.Ordinal);
    }

    /// <summary>An Alluxio path: no scheme, or alluxio://.</summary>
    public static bool IsAlluxio(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return !IsLocal(path) && (!path.Contains("://", StringComparison.Ordinal) || path.StartsWith("alluxio://", StringComparison.Ordinal));
    }

    /// <summary>The absolute local path of file:///x, file:/x or a plain path.</summary>
    /// <exception cref="AlluxioException">The URI names another host.</exception>
    public static string ToPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var local = path;
        if (path.StartsWith(Scheme, StringComparison.Ordinal))
        {
            local = path[Scheme.Length..];
            if (!local.StartsWith('/'))
            {
                throw new AlluxioException(ErrorType.InvalidPath, $"{path} names another machine; a local path is file:///absolute/path or file:relative/path.");
            }
        }
        else if (path.StartsWith("file:", StringComparison.Ordinal))
        {
            local = path["file:".Length..];
        }

        return Path.GetFullPath(local);
    }

    /// <summary>The file:// URI Alluxio prints for a local path.</summary>
    public static string Of(string localPath) => Scheme + Path.GetFullPath(localPath);
}
