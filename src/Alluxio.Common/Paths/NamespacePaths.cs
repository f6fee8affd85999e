using Alluxio.Errors;

namespace Alluxio.Paths;

/// <summary>Turns the path text a caller sends into a namespace path, refusing what cannot name one.</summary>
public static class NamespacePaths
{
    /// <summary>The longest path accepted, in characters (Linux's PATH_MAX).</summary>
    public const int MaxPathLength = 4096;

    /// <summary>The longest path component accepted, in UTF-8 bytes.</summary>
    public const int MaxComponentBytes = 255;

    /// <summary>
    /// Parses <paramref name="text"/>: an absolute path, a relative one (resolved from the root, so "kodo/" is
    /// /kodo), or an alluxio:// URI.
    /// </summary>
    /// <exception cref="InvalidPathException">The text cannot name a path of the namespace.</exception>
    public static AlluxioUri Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidPathException("Path is invalid: it is empty.");
        }

        if (text.Length > MaxPathLength)
        {
            throw new InvalidPathException($"Path {text[..64]}... is invalid: it is {text.Length} characters long, more than {MaxPathLength}.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidPathException("Path is invalid: it contains a NUL character.");
        }

        if (text.Contains('\uFFFD', StringComparison.Ordinal) || HasLoneSurrogate(text))
        {
            // U+FFFD is what a decoder puts where bytes were not UTF-8: such a name cannot round-trip to the UFS.
            throw new InvalidPathException("Path is invalid: it is not valid UTF-8.");
        }

        var uri = AlluxioUri.Parse(text);
        if (uri.HasScheme && uri.Scheme != "alluxio")
        {
            throw InvalidPathException.ForPath(text, $"a namespace path has no scheme or alluxio://, not {uri.Scheme}://");
        }

        var path = uri.IsPathAbsolute ? uri.Path : "/" + uri.Path;
        var result = uri.HasScheme || !uri.IsPathAbsolute ? AlluxioUri.Parse(path) : uri;
        foreach (var component in result.Path.Split(AlluxioUri.Separator))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(component) > MaxComponentBytes)
            {
                throw InvalidPathException.ForPath(text, $"a component is longer than {MaxComponentBytes} bytes");
            }
        }

        return result;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
