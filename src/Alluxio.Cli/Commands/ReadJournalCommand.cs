using System.CommandLine;
using Alluxio.Configuration;
using Alluxio.Journal;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio readJournal [-inputDir DIR]: prints a stopped master's journal as text, one JSON line per op, with
/// credentials in mount options shown as ******.
/// </summary>
internal static class ReadJournalCommand
{
    public const string Name = "readJournal";

    public static Command Create(CliContext context)
    {
        var inputDir = new Option<string?>("-inputDir", "--inputDir")
        {
            Description = "The journal folder to read; alluxio.master.journal.folder when not given.",
        };
        var command = new Command(Name, "Print the master's journal (checkpoint, then log entries) as text. The master must be stopped.")
        {
            inputDir,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetValue(inputDir) ?? context.Configuration.Get(PropertyKeys.MasterJournalFolder);
            try
            {
                var ops = await JournalDump.DumpAsync(folder, context.Out, cancellationToken).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"Read {ops} journal ops from {Path.GetFullPath(folder)}.").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (JournalException e)
            {
                await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Error;
            }
        });
        return command;
    }
}
