using Alluxio.Configuration;
using Microsoft.Extensions.Logging;

namespace Alluxio.Journal;

/// <summary>The journal alluxio.master.journal.type names, built from the master's configuration.</summary>
public static class JournalFactory
{
    /// <exception cref="JournalException">The type is UFS, which this implementation does not have.</exception>
    public static IJournal Create(
        AlluxioConfiguration configuration, IJournalStateMachine stateMachine, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetEnum(PropertyKeys.MasterJournalType) switch
        {
            "EMBEDDED" => new RaftJournal(RaftJournalOptions.FromConfiguration(configuration), stateMachine, loggerFactory, timeProvider),
            "NOOP" => new NoopJournal(stateMachine),
            var type => throw new JournalException(
                $"alluxio.master.journal.type={type} is not supported; set it to EMBEDDED (durable) or NOOP (nothing kept)."),
        };
    }
}
