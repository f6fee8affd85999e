using System.CommandLine;
using Alluxio.Client;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>updateMount: replaces the options of a mount point and keeps its metadata.</summary>
internal static class UpdateMountCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "updateMount",
            "updateMount [--readonly] [--shared] [--option <key=val>] <alluxioPath>",
            "Updates options for a mount point while keeping the Alluxio metadata under the path.",
            out var paths);
        var mountOptions = new MountOptionsParser(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("updateMount", args, 1);
            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.UpdateMountAsync(path, mountOptions.Parse(parseResult), cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"Updated mount point options at {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
