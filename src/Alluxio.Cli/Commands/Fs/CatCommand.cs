using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Data;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>cat: writes each file's bytes to standard output, as they are.</summary>
internal static class CatCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create("cat", "cat <path>", "Prints the file's contents to the console.", out var paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("cat", args, 1);
            var output = context.OpenOutputStream();
            await using var outputDisposal = output.ConfigureAwait(false);
            foreach (var path in args)
            {
                var file = await FileReads.OpenAsync(context, path, readType: null, cancellationToken).ConfigureAwait(false);
                await using var fileDisposal = file.ConfigureAwait(false);
                await StreamCopy.CopyAsync(file, output, StreamCopy.DefaultBufferSize, copied: null, cancellationToken).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
