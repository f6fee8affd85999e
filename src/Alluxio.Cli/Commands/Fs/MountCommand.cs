using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client;
using Alluxio.Paths;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>mount: lists the mount table without arguments, else mounts a UFS path at an Alluxio path.</summary>
internal static class MountCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "mount",
            "mount [--readonly] [--shared] [--option <key=val>] <alluxioPath> <ufsURI>",
            "Mounts a UFS path onto an Alluxio path.",
            out var paths);
        var mountOptions = new MountOptionsParser(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            if (args.Length is not (0 or 2))
            {
                throw new FsUsageException($"Command mount takes 0 or 2 arguments, not {args.Length}");
            }

            if (args.Length == 0)
            {
                var table = await context.FileSystem.GetMountTableAsync(cancellationToken).ConfigureAwait(false);
                foreach (var line in MountTableFormat.Lines(table))
                {
                    context.Out.WriteLine(line);
                }

                return ExitCodes.Success;
            }

            var options = mountOptions.Parse(parseResult);
            var alluxioPath = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.MountAsync(alluxioPath, args[1], options, cancellationToken).ConfigureAwait(false);

            // Normalized as Alluxio's AlluxioURI writes it (kodo://bucket/dir/ as kodo://bucket/dir), like the mount table.
            context.Out.WriteLine($"Mounted {AlluxioUri.Parse(args[1])} at {alluxioPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
