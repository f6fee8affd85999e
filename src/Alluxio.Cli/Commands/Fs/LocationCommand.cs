using System.CommandLine;
using System.Globalization;
using Alluxio.Client;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>location: the hosts of the workers that hold each of a file's blocks.</summary>
internal static class LocationCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create("location", "location <path>", "Displays the list of hosts storing the specified file.", out var paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("location", args, 1);
            var path = AlluxioPath.Resolve(args[0]);
            var status = await context.FileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var line in Lines(path, status))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"&lt;path&gt; with file id &lt;id&gt; is on nodes: ", then the host of every cached copy of every block, in block order.</summary>
    public static IEnumerable<string> Lines(string path, UriStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        yield return string.Create(CultureInfo.InvariantCulture, $"{path} with file id {status.FileId} is on nodes: ");
        foreach (var block in status.Info.FileBlockInfos)
        {
            foreach (var location in block.BlockInfo?.Locations ?? [])
            {
                yield return location.WorkerAddress?.Host ?? "";
            }
        }
    }
}
