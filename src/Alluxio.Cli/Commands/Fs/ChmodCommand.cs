using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>chmod: sets the permission bits of a path (its subtree with -R).</summary>
internal static class ChmodCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "chmod",
            "chmod [-R] <mode> <path>",
            "Changes the permission of a file or directory specified by args. Specify -R to change the permission recursively.",
            out var arguments);
        var recursive = command.Flag("-R", "change mode recursively");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireExactly("chmod", args, 2);
            var mode = ParseMode(args[0]);
            var path = AlluxioPath.Resolve(args[1]);
            await context.FileSystem.SetAttributeAsync(
                path, new SetAttributeOptions { Mode = mode, Recursive = parseResult.GetValue(recursive) }, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"Changed permission of {path} to {ModeText.Octal(mode)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int ParseMode(string text)
    {
        try
        {
            return ModeText.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FsUsageException(e.Message);
        }
    }
}
