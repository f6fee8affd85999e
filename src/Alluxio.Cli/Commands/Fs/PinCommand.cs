using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>pin: keeps a path's blocks from eviction, on the media named (any medium when none is).</summary>
internal static class PinCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "pin",
            "pin <path> media1 media2 media3 ...",
            "Pins the given file or directory in memory (works recursively for directories). Pinned files are never evicted from "
            + "memory, unless TTL is set.",
            out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireAtLeast("pin", args, 1);
            var media = args[1..];
            var valid = context.Configuration.GetList(PropertyKeys.MasterTieredstoreGlobalMediumtype);
            var invalid = media.Where(m => !valid.Contains(m, StringComparer.Ordinal)).ToArray();
            if (invalid.Length > 0)
            {
                throw new FsUsageException(
                    $"Invalid medium to pin the file. {string.Join(',', invalid)} are invalid. {string.Join(',', valid)} are valid medium types");
            }

            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.SetAttributeAsync(path, new SetAttributeOptions { Pinned = true, PinnedMedia = media }, cancellationToken)
                .ConfigureAwait(false);
            context.Out.WriteLine($"File '{path}' was successfully pinned.");
            return ExitCodes.Success;
        });
        return command;
    }
}
