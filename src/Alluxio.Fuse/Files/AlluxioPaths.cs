namespace Alluxio.Fuse.Files;

/// <summary>Joining and comparing the absolute Alluxio paths inodes carry.</summary>
internal static class AlluxioPaths
{
    /// <summary>The longest name a mount accepts, in UTF-8 bytes (NAME_MAX).</summary>
    public const int NameMax = 255;

    /// <exception cref="FuseException">ENAMETOOLONG for a name longer than <see cref="NameMax"/> bytes.</exception>
    public static string Child(string parent, string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(name) > NameMax)
        {
            throw new FuseException(Errno.ENAMETOOLONG, $"The name '{name[..32]}…' is longer than {NameMax} bytes.");
        }

        return parent.EndsWith('/') ? parent + name : parent + "/" + name;
    }

    public static bool IsAtOrUnder(string path, string ancestor) =>
        path.Length == ancestor.Length
            ? string.Equals(path, ancestor, StringComparison.Ordinal)
            : path.StartsWith(ancestor, StringComparison.Ordinal) && (ancestor.EndsWith('/') || path[ancestor.Length] == '/');
}
