using System.CommandLine;
using System.Globalization;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// distributedLoad: the master spreads a load over all workers (not this machine's in particular) and the command waits
/// for it, reporting as Alluxio's job-service load does: the job, each file loaded, and the totals.
/// </summary>
internal static class DistributedLoadCommand
{
    public const string Usage = "distributedLoad [--replication <num>] <path>";

    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "distributedLoad", Usage, "Loads a file or directory in Alluxio space, makes it resident in Alluxio.", out var paths);
        var replication = command.Value("--replication", "Number of block replicas of each loaded file, default: 1");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("distributedLoad", args, 1);
            RequireOneReplica(parseResult.GetValue(replication));
            var path = AlluxioPath.Resolve(args[0]);
            context.Out.WriteLine("Please wait for command submission to finish..");
            var result = await context.FileSystem.LoadAsync(path, local: false, wait: true, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Submitted successfully, jobControlId = {result.JobId}"));
            context.Out.WriteLine("Waiting for the command to finish ...");
            var (loaded, failed) = await ReportFilesAsync(context, path, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total completed file count is {loaded}, failed file count is {failed}"));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Finished running the command, jobControlId = {result.JobId}"));
            Data.LoadOutcome.ThrowIfFailed(path, result);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Alluxio's status listing: a line per file now wholly cached; the files that are not count as failed.
    /// </summary>
    private static async Task<(int Loaded, int Failed)> ReportFilesAsync(FsContext context, string path, CancellationToken cancellationToken)
    {
        context.Out.WriteLine("Get command status information below:");
        var root = await context.FileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var files = new List<UriStatus>();
        if (root.IsFolder)
        {
            await foreach (var status in context.FileSystem.ListStatusAsync(path, new ListStatusOptions { Recursive = true }, cancellationToken)
                .ConfigureAwait(false))
            {
                if (!status.IsFolder)
                {
                    files.Add(status);
                }
            }
        }
        else
        {
            files.Add(root);
        }

        int loaded = 0, failed = 0;
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (file.InAlluxioPercentage == 100)
            {
                loaded++;
                context.Out.WriteLine($"Successfully loaded path {file.Path}");
            }
            else
            {
                failed++;
            }
        }

        return (loaded, failed);
    }

    /// <summary>The master's load caches one copy of each block; more is not offered yet.</summary>
    /// <exception cref="FsUsageException">The value is not 1.</exception>
    private static void RequireOneReplica(string? value)
    {
        if (value is null || value == "1")
        {
            return;
        }

        throw new FsUsageException(
            $"--replication {value} is not supported yet: a load caches one copy of each block. Load with --replication 1, then raise the copies with setReplication --min");
    }
}
