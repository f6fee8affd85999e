using System.CommandLine;
using System.Globalization;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>checkConsistency: lists the paths whose Alluxio metadata disagrees with the UFS; -r deletes them from Alluxio.</summary>
internal static class CheckConsistencyCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "checkConsistency",
            "checkConsistency [-r] [-t|--threads <threads>] <Alluxio path>",
            "Checks the consistency of a persisted file or directory in Alluxio. Any files or directories which only exist in Alluxio "
            + "or do not match the metadata of files in the under storage will be returned. An administrator should then reconcile the "
            + "differences. Specify -r to repair the inconsistent files. Use -t or --threads to specify the number of threads that should "
            + "be used when repairing. Defaults to 2*<number of CPU cores>",
            out var paths);
        var repair = command.Flag("-r", "repair inconsistent files");
        var threads = command.Value(
            "-t",
            "Number of threads used when repairing consistency. Defaults to <number of cores> * 2. This option has no effect if -r is not specified",
            "--threads");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("checkConsistency", args, 1);
            var threadText = parseResult.GetValue(threads);
            var threadCount = Environment.ProcessorCount * 2;
            if (threadText is not null
                && (!int.TryParse(threadText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out threadCount) || threadCount < 1))
            {
                throw new FsUsageException($"The threads option must be a positive integer but was \"{threadText}\"");
            }

            var path = AlluxioPath.Resolve(args[0]);
            var fs = context.FileSystem;
            var inconsistent = (await fs.CheckConsistencyAsync(path, cancellationToken).ConfigureAwait(false))
                .Order(StringComparer.Ordinal).ToList();
            if (inconsistent.Count == 0)
            {
                context.Out.WriteLine($"{path} is consistent with the under storage system.");
                return ExitCodes.Success;
            }

            if (!parseResult.GetValue(repair))
            {
                context.Out.WriteLine("The following files are inconsistent:");
                foreach (var uri in inconsistent)
                {
                    context.Out.WriteLine(uri);
                }

                return ExitCodes.Success;
            }

            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{path} has: {inconsistent.Count} inconsistent files. Repairing with {threadCount} threads."));
            var directories = new List<string>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = threadCount, CancellationToken = cancellationToken };
            var gate = new Lock();
            await Parallel.ForEachAsync(inconsistent, parallel, async (uri, token) =>
            {
                if ((await fs.GetStatusAsync(uri, cancellationToken: token).ConfigureAwait(false)).IsFolder)
                {
                    lock (gate)
                    {
                        directories.Add(uri);
                    }

                    return;
                }

                await RepairAsync(context, uri, recursive: false, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            // One at a time and deepest first: a folder repaired before one inside it would take the inner one along,
            // and its repair would then fail on a path that is gone.
            foreach (var uri in directories.OrderDescending(StringComparer.Ordinal))
            {
                await RepairAsync(context, uri, recursive: true, cancellationToken).ConfigureAwait(false);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Deletes one inconsistent path from Alluxio only, with Alluxio's lines (a directory's "repaired" has no space before it).</summary>
    private static async Task RepairAsync(FsContext context, string uri, bool recursive, CancellationToken cancellationToken)
    {
        var options = new DeleteOptions { AlluxioOnly = true, Recursive = recursive };
        lock (context.Out)
        {
            context.Out.WriteLine($"repairing path: {uri}");
        }

        await context.FileSystem.DeleteAsync(uri, options, cancellationToken).ConfigureAwait(false);

        // Looking the path up loads it again from the UFS when it is there: a changed file comes back as the UFS has it.
        await context.FileSystem.ExistsAsync(uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        lock (context.Out)
        {
            context.Out.WriteLine(recursive ? $"{uri}repaired" : $"{uri} repaired");
            context.Out.WriteLine();
        }
    }
}
