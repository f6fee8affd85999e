using System.CommandLine;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>loadMetadata: loads a path's metadata from the UFS; prints nothing on success.</summary>
internal static class LoadMetadataCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "loadMetadata",
            "loadMetadata [-R] [-F] <path>",
            "Loads metadata for the given Alluxio path from the under file system.",
            out var paths);
        var recursive = command.Flag("-R", "load metadata subdirectories recursively");
        var force = command.Flag("-F", "update the metadata of the existing sub file forcibly");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("loadMetadata", args, 1);
            var options = new LoadMetadataOptions { Recursive = parseResult.GetValue(recursive), Force = parseResult.GetValue(force) };
            foreach (var path in args)
            {
                await context.FileSystem.LoadMetadataAsync(path, options, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
