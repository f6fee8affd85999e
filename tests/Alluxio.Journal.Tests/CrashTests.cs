using System.Diagnostics;
using Alluxio.Testing;

namespace Alluxio.Journal.Tests;

/// <summary>A master killed with SIGKILL while appending loses no entry it acknowledged.</summary>
public sealed class CrashTests
{
    private const int Rounds = 3;
    private const int AcknowledgedPerRound = 150;

    [Fact]
    public async Task Every_acknowledged_entry_survives_a_sigkill_of_the_writer()
    {
        using var harness = new JournalHarness();
        var acknowledged = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            acknowledged.AddRange(await RunChildUntilKilledAsync(harness, firstId: round * 1_000_000L));

            // The parent reopens the folder each round, as a restarted master would, and the next child goes on.
            var state = new ToyStateMachine();
            await using (await harness.StartAsync(state))
            {
                Assert.Empty(acknowledged.Except(state.AppliedOperations));
            }
        }
    }

    private static async Task<List<string>> RunChildUntilKilledAsync(JournalHarness harness, long firstId)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Alluxio.Journal.CrashWriter.dll");
        var start = ChildProcess.StartInfo(
            "dotnet", [writer, harness.Folder, harness.EndPoint.Port.ToString(), firstId.ToString(), "4"]);
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var acknowledged = new List<string>();
        try
        {
            while (acknowledged.Count < AcknowledgedPerRound
                && await child.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            {
                if (line.StartsWith("acked ", StringComparison.Ordinal))
                {
                    acknowledged.Add($"crash-{line["acked ".Length..]}");
                }
            }
        }
        finally
        {
            // Process.Kill is SIGKILL on Unix: no disposal, no flush, as in a power cut of the process.
            child.Kill();
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // Lines the child printed before it died were acknowledged too.
        while (await child.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.StartsWith("acked ", StringComparison.Ordinal))
            {
                acknowledged.Add($"crash-{line["acked ".Length..]}");
            }
        }

        Assert.True(acknowledged.Count >= AcknowledgedPerRound, $"the writer stopped early: {await errors}");
        return acknowledged;
    }
}
