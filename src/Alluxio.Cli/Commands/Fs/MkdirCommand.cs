using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>mkdir: creates each directory with its missing parents.</summary>
internal static class MkdirCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "mkdir",
            "mkdir <path1> [path2] ... [pathn]",
            "Creates the specified directories, including any parent directories that are required.",
            out var paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("mkdir", args, 1);
            foreach (var path in args)
            {
                var resolved = AlluxioPath.Resolve(path);
                await context.FileSystem.CreateDirectoryAsync(resolved, new CreateDirectoryOptions { Recursive = true }, cancellationToken)
                    .ConfigureAwait(false);
                context.Out.WriteLine($"Successfully created directory {resolved}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
