using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Copy;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>copyToLocal: an Alluxio file or directory onto this machine.</summary>
internal static class CopyToLocalCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "copyToLocal",
            "copyToLocal [--buffersize <bytes>] <src> <localDst>",
            "Copies a file or a directory from the Alluxio filesystem to the local filesystem.",
            out var paths);
        var bufferSize = CopySession.BufferSizeOption(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("copyToLocal", args, 2);
            using var session = new CopySession(context, CopySession.BufferSize(parseResult, bufferSize, CopySession.ToLocalBufferSize));
            await session.ToLocalAsync(args[0], args[1], cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
