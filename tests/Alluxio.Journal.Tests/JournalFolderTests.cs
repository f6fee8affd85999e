namespace Alluxio.Journal.Tests;

public sealed class JournalFolderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Format_wipes_a_journal_to_an_empty_one_readable_by_its_owner_only()
    {
        using var harness = new JournalHarness();
        await using (var journal = await harness.StartAsync(new ToyStateMachine()))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "gone after format"), Token);
            await journal.CheckpointAsync(Token);
        }

        File.SetUnixFileMode(harness.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        JournalFolder.Format(harness.Folder);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(harness.Folder));
        Assert.Empty(Directory.GetFiles(Path.Combine(harness.Folder, "checkpoints")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(harness.Folder, JournalFolder.VersionFileName)));
        var state = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(state))
        {
            Assert.Empty(state.Names);
            Assert.Equal(0, journal.LastAppliedIndex);
        }
    }

    [Fact]
    public async Task Format_refuses_a_journal_a_master_has_open()
    {
        using var harness = new JournalHarness();
        await using var journal = await harness.StartAsync(new ToyStateMachine());
        await journal.AppendAsync(ToyStateMachine.Create(1, "kept"), Token);

        var refused = Assert.Throws<JournalException>(() => JournalFolder.Format(harness.Folder));

        Assert.Equal($"The journal in {harness.Folder} is in use by a running master or tool; stop it first.", refused.Message);
        await journal.AppendAsync(ToyStateMachine.Create(2, "still open"), Token);
    }

    [Fact]
    public void Format_creates_a_missing_folder()
    {
        using var harness = new JournalHarness();
        JournalFolder.Format(harness.Folder);
        Assert.True(File.Exists(Path.Combine(harness.Folder, JournalFolder.VersionFileName)));
        Assert.False(JournalFolder.IsMissingOrEmpty(harness.Folder));
    }
}
