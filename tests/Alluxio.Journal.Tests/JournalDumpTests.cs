using System.Text.Json;
using Alluxio.Grpc.Journal;

namespace Alluxio.Journal.Tests;

public sealed class JournalDumpTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dump_prints_the_checkpoint_then_the_log_one_op_a_line_with_credentials_masked()
    {
        using var harness = new JournalHarness();
        var state = new ToyStateMachine();
        await using (var journal = await harness.StartAsync(state))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "before-checkpoint"), Token);
            await journal.AppendAsync(ToyStateMachine.Mount("/kodo", "kodo://bucket/a", new Dictionary<string, string>
            {
                ["fs.kodo.accesskey"] = "ACCESS-IN-CHECKPOINT",
                ["fs.kodo.secretkey"] = "SECRET-IN-CHECKPOINT",
                ["fs.kodo.endpoint"] = "http://kodo.local:9000",
            }), Token);
            await journal.CheckpointAsync(Token);
            await journal.AppendAsync(new JournalEntry
            {
                OperationId = "two-ops",
                Ops =
                {
                    new JournalOp { CreateDirectory = new InodeDirectoryEntry { Id = 2, Name = "after-checkpoint" } },
                    new JournalOp
                    {
                        UpdateMountPoint = new AddMountPointEntry
                        {
                            AlluxioPath = "/kodo",
                            UfsPath = "kodo://bucket/a",
                            Properties = { ["fs.kodo.secretKey"] = "SECRET-IN-LOG", ["fs.kodo.region"] = "z0" },
                        },
                    },
                },
            }, Token);
        }

        using var output = new StringWriter();
        var ops = await JournalDump.DumpAsync(harness.Folder, output, Token);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, ops);
        Assert.Equal(4, lines.Length);
        var parsed = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(parsed[..2], line => Assert.True(line.TryGetProperty("checkpoint", out _)));
        Assert.All(parsed[2..], line => Assert.Equal("two-ops", line.GetProperty("operationId").GetString()));
        Assert.Equal("before-checkpoint", parsed[0].GetProperty("op").GetProperty("createDirectory").GetProperty("name").GetString());
        Assert.Equal("after-checkpoint", parsed[2].GetProperty("op").GetProperty("createDirectory").GetProperty("name").GetString());

        var checkpointed = parsed[1].GetProperty("op").GetProperty("addMountPoint").GetProperty("properties");
        Assert.Equal("******", checkpointed.GetProperty("fs.kodo.secretkey").GetString());
        Assert.Equal("******", checkpointed.GetProperty("fs.kodo.accesskey").GetString());
        Assert.Equal("http://kodo.local:9000", checkpointed.GetProperty("fs.kodo.endpoint").GetString());
        var logged = parsed[3].GetProperty("op").GetProperty("updateMountPoint");
        Assert.Equal("******", logged.GetProperty("properties").GetProperty("fs.kodo.secretKey").GetString());
        Assert.Equal("z0", logged.GetProperty("properties").GetProperty("fs.kodo.region").GetString());
        Assert.Equal("kodo://bucket/a", logged.GetProperty("ufsPath").GetString());
        Assert.DoesNotContain("SECRET", output.ToString());
        Assert.DoesNotContain("ACCESS-IN", output.ToString());

        // The dump changed nothing: the journal still opens to the same state, with the raw values.
        var after = new ToyStateMachine();
        await using (await harness.StartAsync(after))
        {
            Assert.Equal("SECRET-IN-LOG", after.Mounts["/kodo"].Properties["fs.kodo.secretKey"]);
            Assert.Equal(state.Names, after.Names);
        }
    }

    [Fact]
    public async Task The_dump_refuses_a_journal_a_master_has_open()
    {
        using var harness = new JournalHarness();
        await using var journal = await harness.StartAsync(new ToyStateMachine());
        var refused = await Assert.ThrowsAsync<JournalException>(() => JournalDump.DumpAsync(harness.Folder, TextWriter.Null, Token));
        Assert.Equal($"The journal in {harness.Folder} is in use by a running master or tool; stop it first.", refused.Message);
    }

    [Fact]
    public async Task The_dump_of_a_missing_journal_says_where_it_looked()
    {
        using var harness = new JournalHarness();
        var refused = await Assert.ThrowsAsync<JournalException>(() => JournalDump.DumpAsync(harness.Folder, TextWriter.Null, Token));
        Assert.Equal($"There is no journal in {harness.Folder}; check alluxio.master.journal.folder.", refused.Message);
        Assert.False(Directory.Exists(harness.Folder));
    }

    [Fact]
    public async Task The_dump_of_a_damaged_journal_says_so_in_one_line()
    {
        using var harness = new JournalHarness();
        await using (var journal = await harness.StartAsync(new ToyStateMachine()))
        {
            await journal.AppendAsync(ToyStateMachine.Create(1, "one"), Token);
        }

        File.Delete(Path.Combine(harness.Folder, "log", "checkpoint"));
        var refused = await Assert.ThrowsAsync<JournalException>(() => JournalDump.DumpAsync(harness.Folder, TextWriter.Null, Token));
        Assert.StartsWith($"The journal in {harness.Folder} is damaged (log/checkpoint, the record of committed entries, is missing)", refused.Message);
    }
}
