using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>free: removes a path's cached blocks from the workers, and waits until none is left.</summary>
internal static class FreeCommand
{
    /// <summary>How often the cache is checked: a worker's block heartbeat, by which it reports what it removed.</summary>
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Alluxio gives up after ten heartbeats.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "free",
            "free [-f] <path>",
            "Frees the space occupied by a file or a directory in Alluxio. Specify -f to force freeing pinned files in the directory.",
            out var paths);
        var force = command.Flag("-f", "force to free files even pinned");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireAtLeast("free", args, 1);
            var options = new FreeOptions { Recursive = true, Forced = parseResult.GetValue(force) };
            foreach (var given in args)
            {
                var path = AlluxioPath.Resolve(given);
                await context.FileSystem.FreeAsync(path, options, cancellationToken).ConfigureAwait(false);
                await WaitUntilFreedAsync(context.FileSystem, path, options, cancellationToken).ConfigureAwait(false);
                context.Out.WriteLine($"{path} was successfully freed from Alluxio space.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Polls until nothing of the path is cached, freeing again while some is (a reader may have cached it anew).</summary>
    private static async Task WaitUntilFreedAsync(FileSystem fileSystem, string path, FreeOptions options, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + s_timeout;
        while (true)
        {
            if (await StillCachedAsync(fileSystem, path, cancellationToken).ConfigureAwait(false) is not { } status)
            {
                return;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new AlluxioException(
                    ErrorType.DeadlineExceeded,
                    $"Timed out waiting for {status.Path} to be freed: {status.InAlluxioPercentage}% of it is still cached. Another user may be loading it.");
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
            await fileSystem.FreeAsync(path, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A file at or below the path that still has cached bytes, or null. An empty file reports 100% in Alluxio and a
    /// directory's percentage means nothing; neither holds blocks, so only non-empty files count.
    /// </summary>
    private static async Task<UriStatus?> StillCachedAsync(FileSystem fileSystem, string path, CancellationToken cancellationToken)
    {
        var status = await fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!status.IsFolder)
        {
            return status.Length > 0 && status.InAlluxioPercentage > 0 ? status : null;
        }

        await foreach (var child in fileSystem.ListStatusAsync(path, new ListStatusOptions { Recursive = true }, cancellationToken).ConfigureAwait(false))
        {
            if (!child.IsFolder && child.Length > 0 && child.InAlluxioPercentage > 0)
            {
                return child;
            }
        }

        return null;
    }
}
