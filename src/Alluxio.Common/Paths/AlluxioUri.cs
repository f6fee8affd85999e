using System.Text;
using Alluxio.Errors;

namespace Alluxio.Paths;

/// <summary>
/// A path in the Alluxio namespace or in a UFS: [scheme://authority]path, e.g. /data/x, kodo://bucket/dir,
/// file:///tmp/x, alluxio://host:19998/x. The path is normalised: no empty, "." or ".." components and no trailing
/// separator except at the root. The scheme is lower case; authority and path keep their case.
/// </summary>
public sealed class AlluxioUri : IEquatable<AlluxioUri>
{
    public const char Separator = '/';

    private const string SchemeSeparator = "://";

    private AlluxioUri(string? scheme, string? authority, string path)
    {
        Scheme = scheme;
        Authority = authority;
        Path = path;
    }

    /// <summary>The root of the Alluxio namespace, "/".</summary>
    public static AlluxioUri Root { get; } = new(null, null, "/");

    /// <summary>The scheme in lower case (kodo, file, alluxio), or null for a bare path.</summary>
    public string? Scheme { get; }

    /// <summary>What follows "scheme://" up to the path: a bucket or host[:port]; empty for file:///x; null without a scheme.</summary>
    public string? Authority { get; }

    /// <summary>The normalised path; absolute paths start with '/'.</summary>
    public string Path { get; }

    public bool HasScheme => Scheme is not null;

    public bool IsPathAbsolute => Path.Length > 0 && Path[0] == Separator;

    public bool IsRoot => Path.Length == 1 && Path[0] == Separator;

    /// <summary>The last path component; empty for the root.</summary>
    public string Name => Path[(Path.LastIndexOf(Separator) + 1)..];

    /// <summary>The number of path components: 0 for the root, 2 for /a/b.</summary>
    public int Depth => IsRoot ? 0 : Path.Count(c => c == Separator) + (IsPathAbsolute ? 0 : 1);

    /// <summary>The parent, or null for the root and for a one-component relative path.</summary>
    public AlluxioUri? Parent
    {
        get
        {
            if (IsRoot)
            {
                return null;
            }

            var last = Path.LastIndexOf(Separator);
            return last switch
            {
                < 0 => null,
                0 => new AlluxioUri(Scheme, Authority, "/"),
                _ => new AlluxioUri(Scheme, Authority, Path[..last]),
            };
        }
    }

    /// <summary>Parses and normalises <paramref name="text"/>.</summary>
    /// <exception cref="InvalidPathException">The text cannot name a path.</exception>
    public static AlluxioUri Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw InvalidPathException.ForPath(text ?? "", "it is empty");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw InvalidPathException.ForPath(text.Replace("\0", "\\0", StringComparison.Ordinal), "it contains a NUL character");
        }

        var schemeEnd = text.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return new AlluxioUri(null, null, NormalizePath(text, text));
        }

        var scheme = text[..schemeEnd];
        if (!IsValidScheme(scheme))
        {
            throw InvalidPathException.ForPath(text, $"'{scheme}' is not a valid scheme");
        }

        var rest = text[(schemeEnd + SchemeSeparator.Length)..];
        var pathStart = rest.IndexOf(Separator, StringComparison.Ordinal);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? "/" : rest[pathStart..];
        return new AlluxioUri(scheme.ToLowerInvariant(), authority, NormalizePath(path, text));
    }

    /// <summary>Parses <paramref name="text"/>, or returns false when it cannot name a path.</summary>
    public static bool TryParse(string? text, out AlluxioUri? uri)
    {
        try
        {
            uri = Parse(text!);
            return true;
        }
        catch (InvalidPathException)
        {
            uri = null;
            return false;
        }
    }

    /// <summary>
    /// Normalises a path: collapses repeated separators, drops "." components and resolves ".." ones, and drops a
    /// trailing separator. An absolute path may not climb above the root.
    /// </summary>
    /// <param name="path">The path to normalise.</param>
    /// <param name="original">The text to name in an error.</param>
    /// <exception cref="InvalidPathException">The path is empty or climbs above the root.</exception>
    public static string NormalizePath(string path, string? original = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        original ??= path;
        if (path.Length == 0)
        {
            throw InvalidPathException.ForPath(original, "it is empty");
        }

        // Most paths are already normal; they come back as they are, without splitting and joining anew.
        if (IsNormal(path))
        {
            return path;
        }

        var absolute = path[0] == Separator;
        var parts = new List<string>();
        foreach (var part in path.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (absolute)
                {
                    throw InvalidPathException.ForPath(original, "it climbs above the root");
                }
                else
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join(Separator, parts);
        return absolute ? Separator + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// True when <see cref="NormalizePath"/> would give <paramref name="path"/> back unchanged: "/", or components
    /// that are none of "", "." and "..", after one optional leading separator.
    /// </summary>
    private static bool IsNormal(ReadOnlySpan<char> path)
    {
        if (path is "/")
        {
            return true;
        }

        if (path[0] == Separator)
        {
            path = path[1..];
        }

        foreach (var range in path.Split(Separator))
        {
            if (path[range] is "" or "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path <paramref name="child"/> below this one; "a/b" and "/a/b" both append.</summary>
    /// <exception cref="InvalidPathException">The result climbs above the root.</exception>
    public AlluxioUri Join(string child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Length == 0)
        {
            return this;
        }

        var combined = IsRoot ? Separator + child : Path + Separator + child;
        return new AlluxioUri(Scheme, Authority, NormalizePath(combined, ToString() + Separator + child));
    }

    /// <summary>
    /// True when <paramref name="other"/> is this path or lies below it, on the same scheme and authority.
    /// </summary>
    public bool IsAncestorOf(AlluxioUri other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameFileSystem(other) || IsPathAbsolute != other.IsPathAbsolute)
        {
            return false;
        }

        if (IsRoot || Path == other.Path)
        {
            return true;
        }

        return other.Path.Length > Path.Length
            && other.Path.StartsWith(Path, StringComparison.Ordinal)
            && other.Path[Path.Length] == Separator;
    }

    /// <summary>The same scheme and authority (bucket or host), whatever the paths.</summary>
    public bool SameFileSystem(AlluxioUri other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Scheme, other.Scheme, StringComparison.Ordinal)
            && string.Equals(Authority, other.Authority, StringComparison.Ordinal);
    }

    /// <summary>A copy with the same scheme and authority and another path.</summary>
    public AlluxioUri WithPath(string path) => new(Scheme, Authority, NormalizePath(path));

    public bool Equals(AlluxioUri? other) =>
        other is not null && SameFileSystem(other) && string.Equals(Path, other.Path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AlluxioUri);

    public override int GetHashCode() => HashCode.Combine(Scheme, Authority, Path);

    public override string ToString()
    {
        if (Scheme is null)
        {
            return Path;
        }

        return new StringBuilder(Scheme.Length + (Authority?.Length ?? 0) + Path.Length + 3)
            .Append(Scheme).Append(SchemeSeparator).Append(Authority).Append(Path).ToString();
    }

    private static bool IsValidScheme(string scheme) =>
        scheme.Length > 0
        && char.IsAsciiLetter(scheme[0])
        && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
}
