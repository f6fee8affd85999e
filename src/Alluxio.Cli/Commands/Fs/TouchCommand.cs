using System.CommandLine;
using Alluxio.Client;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>touch: creates an empty file.</summary>
internal static class TouchCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "touch", "touch <path>", "Creates a 0 byte file. The file will be written to the under file system.", out var paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("touch", args, 1);
            var path = AlluxioPath.Resolve(args[0]);
            var file = await context.FileSystem.CreateFileAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            await file.DisposeAsync().ConfigureAwait(false);
            context.Out.WriteLine($"{path} has been created");
            return ExitCodes.Success;
        });
        return command;
    }
}
