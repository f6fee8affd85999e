using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Data;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>head: a file's first bytes, 1KB unless -c says.</summary>
internal static class HeadCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "head", "head [-c <bytes>] <path>", "Prints the file's first n bytes (by default, 1KB) to the console.", out var paths);
        var bytes = command.Value("-c", "number of bytes (e.g., 1024, 4KB)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("head", args, 1);
            var count = ByteCountOption.Parse(parseResult.GetValue(bytes), 1024, "-c");
            var file = await FileReads.OpenAsync(context, args[0], readType: null, cancellationToken).ConfigureAwait(false);
            await using var fileDisposal = file.ConfigureAwait(false);
            var output = context.OpenOutputStream();
            await using var outputDisposal = output.ConfigureAwait(false);
            await FileReads.WriteRangeAsync(file, 0, count, output, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
