using System.CommandLine;
using System.Text.RegularExpressions;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>chown: sets the owner, or owner and group, of a path (its subtree with -R).</summary>
internal static partial class ChownCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "chown",
            "chown [-R] <owner>[:<group>] <path>",
            "Changes the owner of a file or directory specified by args. Specify -R to change the owner recursively.",
            out var arguments);
        var recursive = command.Flag("-R", "change owner recursively");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireExactly("chown", args, 2);
            var match = UserGroup().Match(args[0]);
            if (!match.Success)
            {
                throw new FsUsageException($"Failed to parse {args[0]} as user or user:group");
            }

            var owner = match.Groups["user"].Value;
            var group = match.Groups["group"].Success ? match.Groups["group"].Value : null;
            var path = AlluxioPath.Resolve(args[1]);
            var options = new SetAttributeOptions { Owner = owner, Group = group, Recursive = parseResult.GetValue(recursive) };
            await context.FileSystem.SetAttributeAsync(path, options, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(group is null
                ? $"Changed owner of {path} to {owner}"
                : $"Changed owner:group of {path} to {owner}:{group}.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>POSIX user and group names, as Alluxio accepts them.</summary>
    [GeneratedRegex(@"^(?<user>\w[\w-]*\$?)(:(?<group>\w[\w-]*\$?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UserGroup();
}
