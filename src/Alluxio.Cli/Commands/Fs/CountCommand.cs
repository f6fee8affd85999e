using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>count: the files, folders and bytes under a path.</summary>
internal static class CountCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "count", "count [-h] <path>", "Displays the number of files and directories matching the specified prefix.", out var paths);
        var human = command.Flag("-h", "print sizes in human readable format (e.g. 1KB 234MB 2GB)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("count", args, 1);
            // Like Alluxio, a folder counts itself: count of an empty folder says 1 folder.
            var root = await context.FileSystem.GetStatusAsync(args[0], cancellationToken: cancellationToken).ConfigureAwait(false);
            long files = 0, folders = root.IsFolder ? 1 : 0, bytes = 0;
            var options = new ListStatusOptions { Recursive = true };
            await foreach (var status in context.FileSystem.ListStatusAsync(args[0], options, cancellationToken).ConfigureAwait(false))
            {
                if (status.IsFolder)
                {
                    folders++;
                }
                else
                {
                    files++;
                    bytes += status.Length;
                }
            }

            foreach (var line in SizeSummaryFormat.Count(files, folders, bytes, parseResult.GetValue(human)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
