namespace Alluxio.Cli;

/// <summary>
/// Separates -Dkey=value arguments from the command line. As in Alluxio they may stand before the command and
/// right after a command group (alluxio fs -Dkey=value ls /).
/// </summary>
internal static class CommandLineSplitter
{
    private static readonly string[] s_groupCommands = ["fs", "fsadmin"];

    public static (List<string> SystemProperties, string[] Remaining) Split(IReadOnlyList<string> args)
    {
        var properties = new List<string>();
        var remaining = new List<string>(args.Count);
        var index = TakeProperties(args, 0, properties);
        if (index < args.Count)
        {
            var command = args[index];
            remaining.Add(command);
            index++;
            if (s_groupCommands.Contains(command, StringComparer.Ordinal))
            {
                index = TakeProperties(args, index, properties);
            }
        }

        for (; index < args.Count; index++)
        {
            remaining.Add(args[index]);
        }

        return (properties, remaining.ToArray());
    }

    private static int TakeProperties(IReadOnlyList<string> args, int index, List<string> properties)
    {
        while (index < args.Count && args[index].StartsWith("-D", StringComparison.Ordinal) && args[index].Length > 2)
        {
            properties.Add(args[index][2..]);
            index++;
        }

        return index;
    }
}
