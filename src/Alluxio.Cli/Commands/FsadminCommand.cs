using System.CommandLine;
using Alluxio.Client;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands;

/// <summary>alluxio fsadmin: administration of a running cluster: report and journal checkpoint.</summary>
internal static class FsadminCommand
{
    public const string Name = "fsadmin";

    public static Command Create(CliContext context)
    {
        var checkpoint = new Command("checkpoint", "Take a checkpoint of the leading master's journal now, so a restart replays less.");
        checkpoint.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                using var fileSystem = FileSystem.Create(context.Configuration);
                var master = await fileSystem.CheckpointAsync(cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"Successfully took a checkpoint on master {master}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (AlluxioException e)
            {
                await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Error;
            }
        });
        var journal = new Command("journal", "Manage the master's embedded journal.") { checkpoint };
        return new Command(Name, "Administer the cluster: alluxio fsadmin report [summary|capacity|metrics|ufs], alluxio fsadmin journal checkpoint.")
        {
            ReportCommand.Create(context),
            journal,
        };
    }
}
