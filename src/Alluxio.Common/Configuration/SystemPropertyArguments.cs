namespace Alluxio.Configuration;

/// <summary>
/// Alluxio's -Dkey=value arguments, shared by the CLI and the servers. As in Alluxio they stand before the command
/// and, for a command group such as fs, right after the group (alluxio fs -Dkey=value ls /); for commands bin/alluxio
/// runs as a plain Java class (runTests), anywhere after the command, since its launcher takes every -D as a JVM option.
/// </summary>
public static class SystemPropertyArguments
{
    /// <summary>
    /// Separates the -D arguments (their "key=value" texts, in order) from the rest of <paramref name="args"/>.
    /// </summary>
    /// <param name="groupCommands">Commands after which -D arguments may stand again.</param>
    /// <param name="anywhereCommands">Commands among whose arguments -D arguments may stand anywhere.</param>
    public static (IReadOnlyList<string> Properties, string[] Remaining) Split(
        IReadOnlyList<string> args, IReadOnlyCollection<string>? groupCommands = null, IReadOnlyCollection<string>? anywhereCommands = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var properties = new List<string>();
        var remaining = new List<string>(args.Count);
        var index = TakeProperties(args, 0, properties);
        if (index < args.Count)
        {
            var command = args[index];
            remaining.Add(command);
            index++;
            if (groupCommands?.Contains(command, StringComparer.Ordinal) == true)
            {
                index = TakeProperties(args, index, properties);
            }

            if (anywhereCommands?.Contains(command, StringComparer.Ordinal) == true)
            {
                while (index < args.Count)
                {
                    var next = TakeProperties(args, index, properties);
                    if (next == index)
                    {
                        remaining.Add(args[index]);
                        next++;
                    }

                    index = next;
                }
            }
        }

        for (; index < args.Count; index++)
        {
            remaining.Add(args[index]);
        }

        return (properties, remaining.ToArray());
    }

    /// <summary>
    /// Splits one "key=value" text at its first '=', both sides trimmed; false when there is no '=' or no key.
    /// </summary>
    public static bool TryParse(string text, out string key, out string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        key = separator > 0 ? text[..separator].Trim() : "";
        value = separator > 0 ? text[(separator + 1)..].Trim() : "";
        return key.Length > 0;
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
