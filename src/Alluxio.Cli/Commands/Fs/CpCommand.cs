using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Copy;
using Alluxio.Cli.Commands.Fs.Data;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>cp: within Alluxio, from file:// into Alluxio, or from Alluxio to file://.</summary>
internal static class CpCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "cp",
            "cp [-R] [--buffersize <bytes>] <src> <dst>",
            "Copies a file or a directory in the Alluxio filesystem or between local filesystem and Alluxio filesystem. The -R flag is "
            + "needed to copy directories in the Alluxio filesystem. Local Path with schema \"file\".",
            out var paths);
        var recursive = command.Flag("-R", "copy files in subdirectories recursively");
        var bufferSize = CopySession.BufferSizeOption(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("cp", args, 2);
            var (source, destination) = (args[0], args[1]);
            var toLocal = LocalUri.IsLocal(destination);
            var fallback = toLocal ? CopySession.ToLocalBufferSize : StreamCopy.DefaultBufferSize;
            using var session = new CopySession(context, CopySession.BufferSize(parseResult, bufferSize, fallback));
            if (LocalUri.IsLocal(source) && LocalUri.IsAlluxio(destination))
            {
                await session.FromLocalAsync(source, destination, Environment.ProcessorCount * 2, cancellationToken).ConfigureAwait(false);
            }
            else if (LocalUri.IsAlluxio(source) && toLocal)
            {
                await session.ToLocalAsync(source, destination, cancellationToken).ConfigureAwait(false);
            }
            else if (LocalUri.IsAlluxio(source) && LocalUri.IsAlluxio(destination))
            {
                await session.WithinAlluxioAsync(source, destination, parseResult.GetValue(recursive), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                throw new AlluxioException(ErrorType.InvalidPath, "Schemes must be either file or alluxio, and at most one file scheme is allowed.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
