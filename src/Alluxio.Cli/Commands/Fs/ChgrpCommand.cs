using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>chgrp: sets the group of a path (its subtree with -R).</summary>
internal static class ChgrpCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "chgrp",
            "chgrp [-R] <group> <path>",
            "Changes the group of a file or directory specified by args. Specify -R to change the group recursively.",
            out var arguments);
        var recursive = command.Flag("-R", "change group recursively");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireExactly("chgrp", args, 2);
            var path = AlluxioPath.Resolve(args[1]);
            await context.FileSystem.SetAttributeAsync(
                path, new SetAttributeOptions { Group = args[0], Recursive = parseResult.GetValue(recursive) }, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"Changed group of {path} to {args[0]}");
            return ExitCodes.Success;
        });
        return command;
    }
}
