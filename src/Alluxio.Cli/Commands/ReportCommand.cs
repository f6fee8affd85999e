using System.CommandLine;
using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client;
using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Formatting;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio fsadmin report [summary|capacity|metrics|ufs]: the cluster as Alluxio 2.9 reports it. capacity takes one of
/// -live, -lost or -workers &lt;names&gt;. Exits 0, or -1 (255) with one line on stderr.
/// </summary>
internal static class ReportCommand
{
    public const string Usage = "report [category] [category args]";

    private static readonly string[] s_categories = ["capacity", "metrics", "summary", "ufs"];

    public static Command Create(CliContext context)
    {
        var category = new Argument<string>("category")
        {
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "summary",
            Description = "summary (the default), capacity, metrics or ufs",
        };
        var live = new Option<bool>("-live") { Description = "capacity of live workers" };
        var lost = new Option<bool>("-lost") { Description = "capacity of lost workers" };
        var workers = new Option<string?>("-workers") { Description = "capacity of the workers named, host names or ip addresses separated by \",\"" };
        var command = new Command("report", $"Report Alluxio running cluster information. Usage: {Usage}") { category, live, lost, workers };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var name = parseResult.GetValue(category) ?? "summary";
                var filter = WorkerFilter.From(parseResult.GetValue(live), parseResult.GetValue(lost), parseResult.GetValue(workers));
                if (!s_categories.Contains(name, StringComparer.Ordinal))
                {
                    throw new AlluxioException(
                        ErrorType.InvalidArgument, $"{QuotedValue.Of(name)} is not a report category; use summary, capacity, metrics or ufs.");
                }

                if (filter.IsGiven && name != "capacity")
                {
                    throw new AlluxioException(ErrorType.InvalidArgument, $"-live, -lost and -workers go with report capacity, not report {name}.");
                }

                using var fileSystem = FileSystem.Create(context.Configuration);
                foreach (var line in await LinesAsync(context, fileSystem, name, filter, cancellationToken).ConfigureAwait(false))
                {
                    await context.Out.WriteLineAsync(line).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            catch (Exception e) when (e is AlluxioException or ConfigurationException)
            {
                await context.Error.WriteLineAsync(e.Message.ReplaceLineEndings(" ").Trim()).ConfigureAwait(false);
                return ExitCodes.Error;
            }
        });
        return command;
    }

    private static async Task<IEnumerable<string>> LinesAsync(
        CliContext context, FileSystem fileSystem, string category, WorkerFilter filter, CancellationToken cancellationToken)
    {
        switch (category)
        {
            case "summary":
                var master = await fileSystem.GetMasterInfoAsync(cancellationToken).ConfigureAwait(false);
                var blocks = await fileSystem.GetBlockMasterInfoAsync(cancellationToken).ConfigureAwait(false);
                var dates = new JavaDateFormat(context.Configuration.Get(PropertyKeys.UserDateFormatPattern), TimeZoneInfo.Local);
                return SummaryFormat.Lines(master, blocks, dates);
            case "capacity":
                var workers = await WorkersAsync(fileSystem, filter, cancellationToken).ConfigureAwait(false);
                return CapacityFormat.Lines(filter.Select(workers), filter.Range);
            case "ufs":
                var mounts = await fileSystem.GetMountTableAsync(cancellationToken).ConfigureAwait(false);
                return ["Alluxio under storage system information:", .. MountTableFormat.Lines(mounts)];
            default:
                var metrics = await fileSystem.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
                return MetricsReportFormat.Lines(metrics);
        }
    }

    private static async Task<IReadOnlyList<WorkerInfo>> WorkersAsync(FileSystem fileSystem, WorkerFilter filter, CancellationToken cancellationToken)
    {
        var live = filter.WantsLive
            ? await fileSystem.GetWorkerInfoListAsync(cancellationToken).ConfigureAwait(false)
            : [];
        var lost = filter.WantsLost
            ? await fileSystem.GetLostWorkerInfoListAsync(cancellationToken).ConfigureAwait(false)
            : [];
        return [.. live, .. lost];
    }
}
