namespace Alluxio.Server.Hosting;

/// <summary>The FUSE process's arguments: [-o options]... mount_point [alluxio_path], as alluxio-fuse mount passes them.</summary>
internal sealed record FuseArguments(IReadOnlyList<string> MountOptions, string MountPoint, string AlluxioPath)
{
    public const string Usage = "Usage: alluxio-server fuse [-Dkey=value ...] [-o mount_options] mount_point [alluxio_path]";

    /// <summary>The arguments, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static FuseArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new List<string>();
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "-o")
            {
                if (i + 1 >= args.Count)
                {
                    error = "-o needs the mount options after it (e.g. -o attr_timeout=60).";
                    return null;
                }

                options.Add(args[++i]);
            }
            else if (args[i].StartsWith("-o", StringComparison.Ordinal) && args[i].Length > 2)
            {
                options.Add(args[i][2..]);
            }
            else if (args[i].StartsWith('-') && args[i].Length > 1)
            {
                error = $"Unknown option {args[i]}.";
                return null;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count is < 1 or > 2)
        {
            error = positional.Count == 0 ? "The mount point is missing." : $"Too many arguments: {string.Join(' ', positional)}.";
            return null;
        }

        error = null;
        return new FuseArguments(options, positional[0], positional.Count == 2 ? positional[1] : "/");
    }
}
