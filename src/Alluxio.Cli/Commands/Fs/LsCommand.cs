using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Formatting;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>ls: the children of each path (or the path itself with -d), one line each in Alluxio's columns.</summary>
internal static class LsCommand
{
    public const string Usage = "ls [-d|-f|-p|-R|-h|--sort=option|--timestamp=option|-r] <path> ...";

    private static readonly Dictionary<string, Comparison<UriStatus>> s_sortFields = new(StringComparer.Ordinal)
    {
        ["creationTime"] = (a, b) => a.CreationTimeMs.CompareTo(b.CreationTimeMs),
        ["inMemoryPercentage"] = (a, b) => a.InMemoryPercentage.CompareTo(b.InMemoryPercentage),
        ["lastAccessTime"] = (a, b) => a.LastAccessTimeMs.CompareTo(b.LastAccessTimeMs),
        ["lastModificationTime"] = (a, b) => a.LastModificationTimeMs.CompareTo(b.LastModificationTimeMs),
        ["name"] = (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name),
        ["path"] = (a, b) => string.CompareOrdinal(a.Path, b.Path),
        ["size"] = (a, b) => a.Length.CompareTo(b.Length),
    };

    private static readonly Dictionary<string, Func<UriStatus, long>> s_timestamps = new(StringComparer.Ordinal)
    {
        ["creationTime"] = s => s.CreationTimeMs,
        ["lastAccessTime"] = s => s.LastAccessTimeMs,
        ["lastModificationTime"] = s => s.LastModificationTimeMs,
    };

    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "ls",
            Usage,
            "Displays information for all files and directories directly under the specified paths, including permission, owner, group, "
            + "size (bytes for files or the number of children for directories), persistence state, last modified time, the percentage "
            + "of content already in Alluxio and the path in order.",
            out var paths);
        var force = command.Flag("-f", "force to load metadata for immediate children in a directory");
        var directoryAsFile = command.Flag("-d", "list directories as plain files");
        var human = command.Flag("-h", "print human-readable format sizes");
        var pinned = command.Flag("-p", "list all pinned files");
        var recursive = command.Flag("-R", "list subdirectories recursively");
        var reverse = command.Flag("-r", "reverse order while sorting");
        var sort = command.Value("--sort", $"sort statuses by the given field {{{string.Join('|', s_sortFields.Keys)}}}");
        var timestamp = command.Value(
            "--timestamp", $"display specific timestamp(default is last modification time) {{{string.Join('|', s_timestamps.Keys)}}}");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("ls", args, 1);
            var timestampName = parseResult.GetValue(timestamp) ?? "lastModificationTime";
            if (!s_timestamps.TryGetValue(timestampName, out var timestampOf))
            {
                throw new FsUsageException($"Unrecognized timestamp option {timestampName}");
            }

            // Alluxio sorts by path unless told otherwise, so a recursive listing reads as full paths in order.
            var sortField = parseResult.GetValue(sort) ?? "path";
            if (!s_sortFields.TryGetValue(sortField, out var order))
            {
                throw new AlluxioException(ErrorType.InvalidArgument, $"Invalid sort option `{sortField}` for --sort");
            }

            var printer = new Printer(
                context,
                parseResult.GetValue(human),
                parseResult.GetValue(pinned),
                timestampOf);
            foreach (var path in args)
            {
                if (parseResult.GetValue(directoryAsFile))
                {
                    printer.Print(await context.FileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false));
                    continue;
                }

                var options = new ListStatusOptions
                {
                    Recursive = parseResult.GetValue(recursive),
                    LoadMetadataType = parseResult.GetValue(force) ? LoadMetadataPType.Always : null,
                };
                var listing = context.FileSystem.ListStatusAsync(path, options, cancellationToken);
                var statuses = new List<UriStatus>();
                await foreach (var status in listing.ConfigureAwait(false))
                {
                    statuses.Add(status);
                }

                var comparison = parseResult.GetValue(reverse) ? (a, b) => order(b, a) : order;
                foreach (var status in statuses.Order(Comparer<UriStatus>.Create(comparison)))
                {
                    printer.Print(status);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private sealed class Printer(FsContext context, bool humanReadable, bool pinnedOnly, Func<UriStatus, long> timestampOf)
    {
        private readonly bool _withOwners = LsFormat.ShowsOwners(context.Configuration);
        private readonly JavaDateFormat _dates = new(context.Configuration.Get(PropertyKeys.UserDateFormatPattern), context.TimeZone);

        public void Print(UriStatus status)
        {
            if (pinnedOnly && !status.IsPinned)
            {
                return;
            }

            context.Out.WriteLine(LsFormat.Line(status, humanReadable, _withOwners, _dates, timestampOf(status)));
        }
    }
}
