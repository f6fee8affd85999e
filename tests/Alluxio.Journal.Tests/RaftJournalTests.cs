using System.Collections.Concurrent;

namespace Alluxio.Journal.Tests;

public sealed class RaftJournalTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restart_replays_the_appended_entries_into_the_same_state()
    {
        using var harness = new JournalHarness();
        var before = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(before))
        {
            for (var id = 1; id <= 20; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, $"dir{id}"), Token);
            }

            await journal.AppendAsync(ToyStateMachine.Delete(7), Token);
            Assert.Equal(19, before.Names.Count);
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after))
        {
            Assert.Equal(before.Names, after.Names);
            Assert.Equal(before.AppliedOperations, after.AppliedOperations);
            Assert.Equal(21, after.ApplyCount);
            Assert.Equal(0, after.RestoreCount);
        }
    }

    [Fact]
    public async Task Append_returns_after_the_entry_is_applied()
    {
        using var harness = new JournalHarness();
        var state = new ToyStateMachine();
        await using var journal = await harness.StartAsync(state);
        var start = journal.LastAppliedIndex;
        for (var id = 1; id <= 5; id++)
        {
            await journal.AppendAsync(ToyStateMachine.Create(id, $"dir{id}"), Token);
            Assert.Equal($"dir{id}", state.Names[id]);
            Assert.Equal(start + id, journal.LastAppliedIndex);
        }
    }

    [Fact]
    public async Task A_restart_after_a_checkpoint_restores_it_and_replays_only_the_later_entries()
    {
        using var harness = new JournalHarness();
        var before = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(before))
        {
            for (var id = 1; id <= 30; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, $"dir{id}"), Token);
            }

            await journal.CheckpointAsync(Token);
            await journal.AppendAsync(ToyStateMachine.Delete(3), Token);
            for (var id = 31; id <= 34; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, $"dir{id}"), Token);
            }
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after))
        {
            Assert.Equal(before.Names, after.Names);
            Assert.Equal(1, after.RestoreCount);
            Assert.Equal(5, after.ApplyCount);
            Assert.Equal(["delete-3", "create-31", "create-32", "create-33", "create-34"], after.AppliedOperations);
        }
    }

    [Fact]
    public async Task A_checkpoint_is_taken_every_period_of_entries()
    {
        using var harness = new JournalHarness();
        var before = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(before, harness.Options(checkpointPeriodEntries: 10)))
        {
            for (var id = 1; id <= 25; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, $"dir{id}"), Token);
            }
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after, harness.Options(checkpointPeriodEntries: 10)))
        {
            Assert.Equal(before.Names, after.Names);
            Assert.Equal(1, after.RestoreCount);
            Assert.Equal(5, after.ApplyCount);
        }
    }

    [Fact]
    public async Task A_checkpoint_lets_the_log_files_and_older_checkpoints_it_covers_be_reclaimed()
    {
        using var harness = new JournalHarness();
        var options = harness.Options(logFileSizeBytes: Environment.SystemPageSize);
        var dataFolder = Path.Combine(harness.Folder, "log", "data");
        var checkpoints = Path.Combine(harness.Folder, "checkpoints");
        int filesBefore;
        await using (var journal = await harness.StartAsync(new ToyStateMachine(), options))
        {
            for (var id = 1; id <= 300; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, new string('n', 100)), Token);
            }

            filesBefore = Directory.GetFiles(dataFolder).Length;
            await journal.CheckpointAsync(Token);
            // DotNext drops covered pages on its next flush, which a commit starts.
            await journal.AppendAsync(ToyStateMachine.Create(301, "first"), Token);
            await journal.CheckpointAsync(Token);
            await journal.AppendAsync(ToyStateMachine.Create(302, "second"), Token);
        }

        // Closing waits for DotNext's clean-up, so the counts are final here.
        var filesAfter = Directory.GetFiles(dataFolder).Length;
        Assert.True(filesBefore >= 5 && filesAfter <= 2, $"{filesBefore} log files before the checkpoints, {filesAfter} after");

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after, options))
        {
            Assert.Equal(302, after.Names.Count);
            Assert.Equal(1, after.ApplyCount);
            Assert.Single(Directory.GetFiles(checkpoints));
        }
    }

    [Fact]
    public async Task Sixteen_concurrent_appenders_are_all_applied_in_one_order_that_a_restart_repeats()
    {
        const int Appenders = 16;
        const int EntriesEach = 40;
        using var harness = new JournalHarness();
        var before = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(before))
        {
            await Task.WhenAll(Enumerable.Range(0, Appenders).Select(appender => Task.Run(async () =>
            {
                for (var i = 0; i < EntriesEach; i++)
                {
                    var id = (appender * 1000) + i;
                    await journal.AppendAsync(ToyStateMachine.Create(id, $"a{appender}"), Token);
                }
            }, Token)));

            Assert.Equal(Appenders * EntriesEach, before.AppliedOperations.Distinct().Count());
            for (var appender = 0; appender < Appenders; appender++)
            {
                // Each appender waited for every answer, so its own entries applied in its order.
                var own = before.AppliedOperations.Where(op => long.Parse(op["create-".Length..]) / 1000 == appender).ToList();
                Assert.Equal(own.Order(StringComparer.Ordinal).OrderBy(op => op.Length), own);
            }
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after))
        {
            Assert.Equal(before.AppliedOperations, after.AppliedOperations);
        }
    }

    [Fact]
    public async Task A_journal_closed_under_load_without_a_checkpoint_reopens_with_every_acknowledged_entry()
    {
        using var harness = new JournalHarness();
        var acknowledged = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var journal = await harness.StartAsync(new ToyStateMachine());
        var appenders = Enumerable.Range(0, 8).Select(appender => Task.Run(async () =>
        {
            for (var id = appender * 100_000L; ; id++)
            {
                var entry = ToyStateMachine.Create(id, "load");
                try
                {
                    await journal.AppendAsync(entry, Token);
                }
                catch (JournalException)
                {
                    return;
                }

                acknowledged.Add(entry.OperationId);
                if (acknowledged.Count >= 400)
                {
                    enough.TrySetResult();
                }
            }
        }, Token)).ToList();

        await enough.Task.WaitAsync(Token);
        await journal.DisposeAsync();
        await Task.WhenAll(appenders);

        var after = new ToyStateMachine();
        await using (await harness.StartAsync(after))
        {
            Assert.Empty(acknowledged.Except(after.AppliedOperations));
        }
    }

    [Fact]
    public async Task A_throwing_apply_faults_only_its_own_append_and_a_restart_reaches_the_same_state()
    {
        using var harness = new JournalHarness();
        harness.Logs.ExpectErrors(record => record.Id.Id == 3003);
        var before = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(before))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "one"), Token);
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(
                () => journal.AppendAsync(ToyStateMachine.Create(2, ToyStateMachine.PoisonName), Token));
            Assert.Contains(ToyStateMachine.PoisonName, failure.Message);
            var indexAfterFailure = journal.LastAppliedIndex;
            await journal.AppendAsync(ToyStateMachine.Create(3, "three"), Token);
            Assert.Equal(indexAfterFailure + 1, journal.LastAppliedIndex);
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after))
        {
            Assert.Equal(before.Names, after.Names);
            Assert.Equal(["create-1", "create-3"], after.AppliedOperations);
        }

        Assert.Equal(2, harness.Logs.Records.Count(record => record.Id.Id == 3003));
    }

    [Fact]
    public async Task A_second_journal_on_an_open_folder_is_refused()
    {
        using var harness = new JournalHarness();
        await using var journal = await harness.StartAsync(new ToyStateMachine());
        var second = new RaftJournal(new RaftJournalOptions(harness.Folder, FreePort.Next()), new ToyStateMachine(), harness.Logs.Factory);
        await using (second)
        {
            var refused = await Assert.ThrowsAsync<JournalException>(() => second.StartAsync(Token));
            Assert.Equal($"The journal in {harness.Folder} is in use by a running master or tool; stop it first.", refused.Message);
        }

        await journal.AppendAsync(ToyStateMachine.Create(1, "still open"), Token);
    }

    [Fact]
    public async Task A_missing_folder_and_an_empty_folder_are_formatted_on_the_first_start()
    {
        using var harness = new JournalHarness();
        Assert.False(Directory.Exists(harness.Folder));
        await using (var journal = await harness.StartAsync(new ToyStateMachine()))
        {
            Assert.Equal(0, journal.LastAppliedIndex);
        }

        Directory.Delete(harness.Folder, recursive: true);
        Directory.CreateDirectory(harness.Folder);
        await using (var journal = await harness.StartAsync(new ToyStateMachine()))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "one"), Token);
        }

        Assert.True(File.Exists(Path.Combine(harness.Folder, JournalFolder.VersionFileName)));
    }

    [Fact]
    public async Task A_folder_that_holds_something_else_is_refused_and_left_alone()
    {
        using var harness = new JournalHarness();
        Directory.CreateDirectory(harness.Folder);
        var stranger = Path.Combine(harness.Folder, "notes.txt");
        await File.WriteAllTextAsync(stranger, "not a journal", Token);

        var refused = await Assert.ThrowsAsync<JournalException>(() => harness.StartAsync(new ToyStateMachine()));

        Assert.StartsWith($"The journal in {harness.Folder} is damaged (journal.version is missing", refused.Message);
        Assert.Equal("not a journal", await File.ReadAllTextAsync(stranger, Token));
    }

    [Fact]
    public async Task A_master_moved_to_another_port_is_told_how_to_adopt_it()
    {
        using var harness = new JournalHarness();
        await using (await harness.StartAsync(new ToyStateMachine()))
        {
        }

        var moved = FreePort.Next();
        var refused = await Assert.ThrowsAsync<JournalException>(
            () => harness.StartAsync(new ToyStateMachine(), new RaftJournalOptions(harness.Folder, moved)));
        Assert.Equal(
            $"The journal in {harness.Folder} belongs to the journal member {harness.EndPoint}, not to {moved}; "
            + $"set alluxio.master.embedded.journal.port back, or delete {harness.Folder}/membership to move this single master to the new address.",
            refused.Message);

        File.Delete(Path.Combine(harness.Folder, "membership"));
        await using var journal = await harness.StartAsync(new ToyStateMachine(), new RaftJournalOptions(harness.Folder, moved));
        await journal.AppendAsync(ToyStateMachine.Create(1, "moved"), Token);
    }

    [Fact]
    public async Task A_journal_on_port_zero_restarts_on_port_zero()
    {
        using var harness = new JournalHarness();
        var anyPort = new RaftJournalOptions(harness.Folder, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        await using (var journal = await harness.StartAsync(new ToyStateMachine(), anyPort))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "one"), Token);
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after, anyPort))
        {
            await journal.AppendAsync(ToyStateMachine.Create(2, "two"), Token);
        }

        Assert.Equal(["create-1", "create-2"], after.AppliedOperations);
    }

    [Fact]
    public async Task A_taken_port_is_refused_with_the_key_to_change()
    {
        using var harness = new JournalHarness();
        using var squatter = new System.Net.Sockets.TcpListener(harness.EndPoint);
        squatter.Start();

        var refused = await Assert.ThrowsAsync<JournalException>(() => harness.StartAsync(new ToyStateMachine()));

        Assert.StartsWith($"The embedded journal cannot listen on {harness.EndPoint} (", refused.Message);
        Assert.EndsWith("); free the port or change alluxio.master.embedded.journal.port.", refused.Message);
        squatter.Stop();
        await using var journal = await harness.StartAsync(new ToyStateMachine());
    }

    [Fact]
    public async Task A_changed_log_file_size_leaves_an_existing_journal_readable()
    {
        using var harness = new JournalHarness();
        await using (var journal = await harness.StartAsync(new ToyStateMachine(), harness.Options(logFileSizeBytes: 64 * 1024)))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "before"), Token);
        }

        var after = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(after, harness.Options(logFileSizeBytes: 1024 * 1024)))
        {
            await journal.AppendAsync(ToyStateMachine.Create(2, "after"), Token);
            Assert.Equal(["create-1", "create-2"], after.AppliedOperations);
        }

        Assert.Contains(harness.Logs.Records, record => record.Id.Id == 3009);
    }

    [Fact]
    public async Task Appending_to_a_journal_that_is_not_open_fails_with_a_journal_exception()
    {
        using var harness = new JournalHarness();
        var journal = new RaftJournal(harness.Options(), new ToyStateMachine(), harness.Logs.Factory);
        await Assert.ThrowsAsync<JournalException>(() => journal.AppendAsync(ToyStateMachine.Create(1, "early"), Token));
        await journal.StartAsync(Token);
        await journal.DisposeAsync();
        var late = await Assert.ThrowsAsync<JournalException>(() => journal.AppendAsync(ToyStateMachine.Create(1, "late"), Token));
        Assert.Equal($"The journal in {harness.Folder} is not open; the master is starting or stopping.", late.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Journal_files_are_readable_by_their_owner_only()
    {
        using var harness = new JournalHarness();
        await using (var journal = await harness.StartAsync(new ToyStateMachine(), harness.Options(logFileSizeBytes: Environment.SystemPageSize)))
        {
            AssertOwnerOnly(harness.Folder);
            for (var id = 1; id <= 100; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, new string('m', 100)), Token);
            }

            await journal.CheckpointAsync(Token);
            AssertOwnerOnly(harness.Folder);
        }

        AssertOwnerOnly(harness.Folder);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(harness.Folder, "checkpoints")));
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertOwnerOnly(string folder)
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var expected = entry is DirectoryInfo
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.True(expected == entry.UnixFileMode, $"{entry.FullName} has mode {entry.UnixFileMode}");
        }
    }
}
