using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>du: the size and in-Alluxio size of each file under a path, or their sum with -s.</summary>
internal static class DuCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "du",
            "du [-h|-s|-g|-m] <path>",
            "Displays the total size and the in Alluxio size of the specified file or directory.",
            out var paths);
        var human = command.Flag("-h", "print sizes in human readable format (e.g., 1KB 234MB 2GB)");
        var summarize = command.Flag("-s", "display the aggregate summary of file lengths being displayed");
        var byWorker = command.Flag("-g", "display information for In-Alluxio data size under the path, grouped by worker.");
        var memory = command.Flag("-m", "display the in memory size and in memory percentage", "--memory");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("du", args, 1);
            var readable = parseResult.GetValue(human);
            var withMemory = parseResult.GetValue(memory);
            var worker = parseResult.GetValue(byWorker) ? "total" : null;
            context.Out.WriteLine(SizeSummaryFormat.DuHeader(withMemory, worker is not null));
            var statuses = new List<UriStatus>();
            await foreach (var status in context.FileSystem.ListStatusAsync(args[0], new ListStatusOptions { Recursive = true }, cancellationToken)
                .ConfigureAwait(false))
            {
                statuses.Add(status);
            }

            if (parseResult.GetValue(summarize))
            {
                long total = 0, inAlluxio = 0, inMemory = 0;
                foreach (var file in statuses.Where(s => !s.IsFolder))
                {
                    total += file.Length;
                    inAlluxio += file.Length * file.InAlluxioPercentage;
                    inMemory += file.Length * file.InMemoryPercentage;
                }

                context.Out.WriteLine(SizeSummaryFormat.Du(
                    SizeSummaryFormat.Size(total, readable),
                    SizeSummaryFormat.Part(inAlluxio / 100, total, readable),
                    Client.AlluxioPath.Resolve(args[0]),
                    withMemory ? SizeSummaryFormat.Part(inMemory / 100, total, readable) : null,
                    worker));
                return ExitCodes.Success;
            }

            foreach (var file in statuses.Where(s => !s.IsFolder).OrderBy(s => s.Path, StringComparer.Ordinal))
            {
                context.Out.WriteLine(SizeSummaryFormat.Du(
                    SizeSummaryFormat.Size(file.Length, readable),
                    SizeSummaryFormat.Part(file.InAlluxioPercentage * file.Length / 100, file.Length, readable),
                    file.Path,
                    withMemory ? SizeSummaryFormat.Part(file.InMemoryPercentage * file.Length / 100, file.Length, readable) : null,
                    worker));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
