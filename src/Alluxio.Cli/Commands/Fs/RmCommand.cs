using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>rm: deletes each path; a directory only with -R.</summary>
internal static class RmCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "rm",
            "rm [-R] [-U] [--alluxioOnly] [-m/--deleteMountPoint] <path>",
            "Removes the specified file. Specify -R to remove file or directory recursively. Specify -U to remove directories without "
            + "checking UFS contents are in sync. Specify -alluxioOnly to remove data and metadata from alluxio space only. Specify "
            + "-m to remove mount points within the directory.",
            out var paths);
        var recursive = command.Flag("-R", "delete files and subdirectories recursively");
        var uncheckedOption = command.Flag("-U", "remove directories without checking UFS contents are in sync");
        var alluxioOnly = command.Flag("--alluxioOnly", "remove data and metadata from Alluxio space only");
        var deleteMountPoint = command.Flag("-m", "remove mount points in the directory", "--deleteMountPoint");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("rm", args, 1);
            var options = new DeleteOptions
            {
                Recursive = parseResult.GetValue(recursive),
                Unchecked = parseResult.GetValue(uncheckedOption),
                AlluxioOnly = parseResult.GetValue(alluxioOnly),
                DeleteMountPoint = parseResult.GetValue(deleteMountPoint),
            };
            foreach (var given in args)
            {
                var path = AlluxioPath.Resolve(given);
                if (!await context.FileSystem.ExistsAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    throw new AlluxioException(ErrorType.FileDoesNotExist, $"Path \"{path}\" does not exist.");
                }

                if (!options.Recursive
                    && (await context.FileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)).IsFolder)
                {
                    throw new AlluxioException(ErrorType.FailedPrecondition, $"{path} is a directory, to remove it, please use \"rm -R <path>\"");
                }

                await context.FileSystem.DeleteAsync(path, options, cancellationToken).ConfigureAwait(false);
                context.Out.WriteLine(options.AlluxioOnly ? $"{path} has been removed from Alluxio space" : $"{path} has been removed");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
