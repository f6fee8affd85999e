using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Copy;
using Alluxio.Cli.Commands.Fs.Data;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>copyFromLocal: a local file or directory into Alluxio, a directory's files several at a time.</summary>
internal static class CopyFromLocalCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "copyFromLocal",
            "copyFromLocal [--thread <num>] [--buffersize <bytes>] <src> <remoteDst>",
            "Copies a file or a directory from local filesystem to Alluxio filesystem in parallel at file level.",
            out var paths);
        var threads = CopySession.ThreadsOption(command);
        var bufferSize = CopySession.BufferSizeOption(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("copyFromLocal", args, 2);
            var threadCount = CopySession.Threads(parseResult, threads);
            using var session = new CopySession(context, CopySession.BufferSize(parseResult, bufferSize, StreamCopy.DefaultBufferSize));
            await session.FromLocalAsync(LocalUri.Of(LocalUri.ToPath(args[0])), args[1], threadCount, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
