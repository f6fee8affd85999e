using Alluxio.Configuration;
using Alluxio.Journal;

namespace Alluxio.Server.Hosting;

/// <summary>Opens the journal alluxio.master.journal.type names: EMBEDDED (Raft, the default) or NOOP (nothing kept).</summary>
internal static class MasterJournals
{
    public static IJournal Open(AlluxioConfiguration configuration, IJournalStateMachine stateMachine, ILoggerFactory loggerFactory) =>
        configuration.GetEnum(PropertyKeys.MasterJournalType) switch
        {
            "NOOP" => new NoopJournal(stateMachine),
            "EMBEDDED" => new RaftJournal(RaftJournalOptions.FromConfiguration(configuration), stateMachine, loggerFactory),
            var other => throw new ConfigurationException(
                $"alluxio.master.journal.type={other} is not supported here; use EMBEDDED (the default) or NOOP."),
        };
}
