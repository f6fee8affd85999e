using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>getSyncPathList: the paths under active sync (none for Kodo, which has no active sync).</summary>
internal static class GetSyncPathListCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "getSyncPathList", "getSyncPathList", "Gets all the paths that are under active syncing right now.", out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            FsVerb.RequireExactly("getSyncPathList", parseResult.Args(arguments), 0);
            var paths = await context.FileSystem.GetSyncPathListAsync(cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine("The following paths are under active sync");
            foreach (var path in paths)
            {
                context.Out.WriteLine(path.SyncPointUri);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
