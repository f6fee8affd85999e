using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>unpin: lets a path's blocks be evicted again.</summary>
internal static class UnpinCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "unpin",
            "unpin <path>",
            "Unpins the given file or folder from memory (works recursively for a directory).",
            out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireAtLeast("unpin", args, 1);
            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.SetAttributeAsync(path, new SetAttributeOptions { Pinned = false }, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"File '{path}' was successfully unpinned.");
            return ExitCodes.Success;
        });
        return command;
    }
}
