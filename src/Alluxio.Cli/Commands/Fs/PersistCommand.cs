using System.CommandLine;
using System.Globalization;
using Alluxio.Cli.Commands.Fs.Data;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// persist: writes every file below the paths that is only in Alluxio to the UFS, several at a time, and waits for each
/// until the master reports it PERSISTED or its timeout passes.
/// </summary>
internal static class PersistCommand
{
    private const int DefaultParallelism = 4;

    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "persist",
            "persist [-p|--parallelism <#>] [-t|--timeout <milliseconds>] [-w|--wait <milliseconds>] <path> [<path> ...]",
            "Persists files or directories currently stored only in Alluxio to the UnderFileSystem.",
            out var paths);
        var parallelism = command.Value("--parallelism", $"Number of concurrent persist operations, default: {DefaultParallelism}", "-p");
        var timeout = command.Value("--timeout", "Time in milliseconds for a single file persist to time out; default:1200000", "-t");
        var wait = command.Value("--wait", "The time to wait before persisting. default: 0", "-w");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("persist", args, 1);
            var settings = PersistSettings.Parse(parseResult.GetValue(parallelism), parseResult.GetValue(timeout), parseResult.GetValue(wait));
            var files = await FilesToPersistAsync(context.FileSystem, args, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Found {files.Count} files to persist."));
            var waiter = new PersistWaiter(context.FileSystem, settings);
            var done = 0;
            var failed = 0;
            var outputLock = new Lock();
            await Parallel.ForEachAsync(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                async (path, token) =>
                {
                    var problem = await waiter.PersistAsync(path, token).ConfigureAwait(false);
                    lock (outputLock)
                    {
                        if (problem is null)
                        {
                            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({++done}/{files.Count}) Successfully persisted file: {path}"));
                        }
                        else
                        {
                            failed++;
                            context.Out.WriteLine(problem);
                        }
                    }
                }).ConfigureAwait(false);
            if (failed > 0)
            {
                throw new AlluxioException(
                    ErrorType.Internal,
                    string.Create(CultureInfo.InvariantCulture, $"{failed} of {files.Count} files were not persisted; the lines above name them. Run persist again for them."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every file at or below <paramref name="paths"/> that is not persisted yet, each once, in path order.</summary>
    private static async Task<IReadOnlyList<string>> FilesToPersistAsync(FileSystem fileSystem, string[] paths, CancellationToken cancellationToken)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var status = await fileSystem.GetStatusAsync(given, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!status.IsFolder)
            {
                AddIfNotPersisted(files, status);
                continue;
            }

            await foreach (var child in fileSystem.ListStatusAsync(status.Path, new ListStatusOptions { Recursive = true }, cancellationToken)
                .ConfigureAwait(false))
            {
                if (!child.IsFolder)
                {
                    AddIfNotPersisted(files, child);
                }
            }
        }

        return [.. files];
    }

    private static void AddIfNotPersisted(SortedSet<string> files, UriStatus status)
    {
        if (!status.IsPersisted)
        {
            files.Add(status.Path);
        }
    }
}
