using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Data;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>tail: a file's last bytes, 1KB unless -c says, read from their position without reading the rest.</summary>
internal static class TailCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "tail", "tail [-c <bytes>] <path>", "Prints the file's last n bytes (by default, 1KB) to the console.", out var paths);
        var bytes = command.Value("-c", "number of bytes (e.g., 1024, 4KB)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("tail", args, 1);
            var count = ByteCountOption.Parse(parseResult.GetValue(bytes), 1024, "-c");
            var file = await FileReads.OpenAsync(context, args[0], readType: null, cancellationToken).ConfigureAwait(false);
            await using var fileDisposal = file.ConfigureAwait(false);
            var output = context.OpenOutputStream();
            await using var outputDisposal = output.ConfigureAwait(false);
            await FileReads.WriteRangeAsync(file, Math.Max(0, file.Length - count), count, output, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
