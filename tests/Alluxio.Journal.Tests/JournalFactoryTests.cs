using Alluxio.Configuration;

namespace Alluxio.Journal.Tests;

public sealed class JournalFactoryTests
{
    [Fact]
    public async Task The_embedded_journal_takes_its_folder_port_and_period_from_the_configuration()
    {
        using var harness = new JournalHarness();
        var configuration = AlluxioConfiguration.Defaults.With(
            [
                new("alluxio.master.journal.folder", harness.Folder),
                new("alluxio.master.hostname", "127.0.0.1"),
                new("alluxio.master.embedded.journal.port", harness.EndPoint.Port.ToString()),
                new("alluxio.master.journal.checkpoint.period.entries", "2"),
            ],
            ConfigurationSource.Runtime);

        var options = RaftJournalOptions.FromConfiguration(configuration);
        Assert.Equal(harness.Folder, options.Folder);
        Assert.Equal(harness.EndPoint, options.EndPoint);
        Assert.Equal(2, options.CheckpointPeriodEntries);
        Assert.Equal(10 * 1024 * 1024, options.LogFileSizeBytes);

        await using var journal = JournalFactory.Create(configuration, new ToyStateMachine(), harness.Logs.Factory);
        Assert.IsType<RaftJournal>(journal);
        await journal.StartAsync(TestContext.Current.CancellationToken);
        await journal.AppendAsync(ToyStateMachine.Create(1, "one"), TestContext.Current.CancellationToken);
        await journal.AppendAsync(ToyStateMachine.Create(2, "two"), TestContext.Current.CancellationToken);
        Assert.Single(Directory.GetFiles(Path.Combine(harness.Folder, "checkpoints")));
    }

    [Fact]
    public void Noop_and_ufs_types_give_the_noop_journal_and_a_clear_refusal()
    {
        using var logs = new Alluxio.Testing.LogCapture();
        var noop = AlluxioConfiguration.Defaults.With([new("alluxio.master.journal.type", "NOOP")], ConfigurationSource.Runtime);
        Assert.IsType<NoopJournal>(JournalFactory.Create(noop, new ToyStateMachine(), logs.Factory));

        var ufs = AlluxioConfiguration.Defaults.With([new("alluxio.master.journal.type", "UFS")], ConfigurationSource.Runtime);
        var refused = Assert.Throws<JournalException>(() => JournalFactory.Create(ufs, new ToyStateMachine(), logs.Factory));
        Assert.Equal("alluxio.master.journal.type=UFS is not supported; set it to EMBEDDED (durable) or NOOP (nothing kept).", refused.Message);
    }
}
