using System.CommandLine;
using Alluxio.Client;
using Alluxio.Paths;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>mv: renames a path; into a directory that exists, it keeps its name.</summary>
internal static class MvCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "mv",
            "mv <src> <dst>",
            "Renames a file or directory specified by args. Will fail if the new path name already exists.",
            out var paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("mv", args, 2);
            var source = AlluxioPath.Resolve(args[0]);
            var given = AlluxioPath.Resolve(args[1]);
            var destination = given;
            var fs = context.FileSystem;
            if (await fs.ExistsAsync(destination, cancellationToken: cancellationToken).ConfigureAwait(false)
                && (await fs.GetStatusAsync(destination, cancellationToken: cancellationToken).ConfigureAwait(false)).IsFolder)
            {
                destination = AlluxioUri.Parse(destination).Join(AlluxioUri.Parse(source).Name).Path;
            }

            await fs.RenameAsync(source, destination, cancellationToken).ConfigureAwait(false);

            // Alluxio names the destination as given, also when the source went into it.
            context.Out.WriteLine($"Renamed {source} to {given}");
            return ExitCodes.Success;
        });
        return command;
    }
}
