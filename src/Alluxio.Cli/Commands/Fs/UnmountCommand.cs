using System.CommandLine;
using Alluxio.Client;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>unmount (umount): removes a mount point; Alluxio forgets the subtree and the UFS keeps its data.</summary>
internal static class UnmountCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "unmount",
            "unmount <alluxioPath>",
            "Unmounts an Alluxio path. The UFS data is kept; Alluxio's metadata and cached data under the path are removed.",
            out var paths);
        command.Aliases.Add("umount");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("unmount", args, 1);
            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.UnmountAsync(path, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"Unmounted {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
