using System.CommandLine;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>test: exit 0 when the path has the property asked about, 1 when it does not or cannot be read.</summary>
internal static class TestCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "test",
            "test [-d|-f|-e|-s|-z] <path>",
            "Test a property of a path, returning 0 if the property is true, or 1 otherwise.",
            out var paths);
        var directory = command.Flag("-d", "test whether path is a directory.");
        var file = command.Flag("-f", "test whether path is a file.");
        var exists = command.Flag("-e", "test whether path exists.");
        var notEmpty = command.Flag("-s", "test whether path is not empty.");
        var zeroLength = command.Flag("-z", "test whether file is zero length.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("test", args, 1);
            Option<bool>[] flags = [directory, file, exists, notEmpty, zeroLength];
            var chosen = flags.Where(parseResult.GetValue).ToArray();
            if (chosen.Length != 1)
            {
                return ExitCodes.Error;
            }

            try
            {
                var status = await context.FileSystem.GetStatusAsync(args[0], cancellationToken: cancellationToken).ConfigureAwait(false);
                var holds = chosen[0] == directory ? status.IsFolder
                    : chosen[0] == file ? !status.IsFolder
                    : chosen[0] == exists || (chosen[0] == notEmpty ? status.IsFolder && status.Length > 0 : !status.IsFolder && status.Length == 0);
                return holds ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (AlluxioException)
            {
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
