namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>Joining Alluxio paths, which always use '/'.</summary>
internal static class AlluxioPaths
{
    /// <summary><paramref name="folder"/>/<paramref name="relative"/>, with a local relative path's separators made '/'.</summary>
    public static string Join(string folder, string relative)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(relative);
        return folder.TrimEnd('/') + "/" + relative.Replace(Path.DirectorySeparatorChar, '/').TrimStart('/');
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it.</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
}
