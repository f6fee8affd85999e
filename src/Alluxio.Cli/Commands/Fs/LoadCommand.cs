using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Data;
using Alluxio.Client;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>load: has the master cache a file, or every file below a directory, and waits until it is done.</summary>
internal static class LoadCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "load", "load [--local] <path>", "Loads a file or directory in Alluxio space, makes it resident in Alluxio.", out var paths);
        var local = command.Flag("--local", "Load the file to a local worker.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("load", args, 1);
            foreach (var given in args)
            {
                var path = AlluxioPath.Resolve(given);
                var result = await context.FileSystem.LoadAsync(path, parseResult.GetValue(local), wait: true, cancellationToken).ConfigureAwait(false);
                LoadOutcome.ThrowIfFailed(path, result);
                context.Out.WriteLine($"{path} loaded");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
