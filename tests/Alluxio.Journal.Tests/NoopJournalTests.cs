namespace Alluxio.Journal.Tests;

public sealed class NoopJournalTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_apply_at_once_in_append_order_and_advance_the_index()
    {
        var state = new ToyStateMachine();
        await using var journal = new NoopJournal(state);
        await journal.StartAsync(Token);
        for (var id = 1; id <= 3; id++)
        {
            await journal.AppendAsync(ToyStateMachine.Create(id, $"dir{id}"), Token);
            Assert.Equal(id, journal.LastAppliedIndex);
        }

        Assert.Equal(["create-1", "create-2", "create-3"], state.AppliedOperations);
    }

    [Fact]
    public async Task Concurrent_appenders_apply_one_at_a_time()
    {
        var state = new ToyStateMachine();
        await using var journal = new NoopJournal(state);
        await journal.StartAsync(Token);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(appender => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await journal.AppendAsync(ToyStateMachine.Create((appender * 1000) + i, "n"), Token);
            }
        }, Token)));

        Assert.Equal(1600, state.Names.Count);
        Assert.Equal(1600, journal.LastAppliedIndex);
    }

    [Fact]
    public async Task A_throwing_apply_faults_only_its_own_append()
    {
        var state = new ToyStateMachine();
        await using var journal = new NoopJournal(state);
        await journal.StartAsync(Token);
        var append = journal.AppendAsync(ToyStateMachine.Create(1, ToyStateMachine.PoisonName), Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => append);
        await journal.AppendAsync(ToyStateMachine.Create(2, "two"), Token);
        Assert.Equal(2, journal.LastAppliedIndex);
        Assert.Equal(["create-2"], state.AppliedOperations);
    }

    [Fact]
    public async Task A_start_empties_the_state_and_a_closed_journal_refuses_appends()
    {
        var state = new ToyStateMachine();
        state.Apply(ToyStateMachine.Create(9, "left over"));
        var journal = new NoopJournal(state);
        await Assert.ThrowsAsync<JournalException>(() => journal.AppendAsync(ToyStateMachine.Create(1, "early"), Token));
        await journal.StartAsync(Token);
        Assert.Empty(state.Names);
        await journal.CheckpointAsync(Token);
        await journal.DisposeAsync();
        await Assert.ThrowsAsync<JournalException>(() => journal.AppendAsync(ToyStateMachine.Create(1, "late"), Token));
    }
}
