using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Format;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>stat: Alluxio's description of a path, or the fields a -f format names.</summary>
internal static class StatCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "stat",
            "stat [-f <format>] <path>",
            "Displays info for the specified path both file and directory. Specify -f to display info in given format: "
            + "\"%N\": name of the file; \"%z\": size of file in bytes; \"%u\": owner; \"%g\": group name of owner; \"%i\": file id of the file; "
            + "\"%y\" or \"%Y\": modification time, %y shows 'yyyy-MM-dd HH:mm:ss' (the local date), %Y it shows milliseconds since "
            + "January 1, 1970 UTC; \"%b\": Number of blocks allocated for file",
            out var paths);
        var format = command.Value("-f", "format");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("stat", args, 1);
            var status = await context.FileSystem.GetStatusAsync(args[0], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(format) is { } custom)
            {
                context.Out.WriteLine(StatFormat.Custom(custom, status, context.TimeZone));
                return ExitCodes.Success;
            }

            foreach (var line in StatFormat.Describe(Client.AlluxioPath.Resolve(args[0]), status))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
