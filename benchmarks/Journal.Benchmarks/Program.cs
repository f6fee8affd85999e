using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alluxio.Grpc.Journal;
using Alluxio.Journal;
using Alluxio.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journal.Benchmarks;

/// <summary>
/// Entries per second through the embedded journal (a one-member DotNext Raft group, flushed on commit, answered
/// after apply) with about 100-byte entries, for 1 and 16 appenders in flight. Each run appends a fixed number of
/// entries into a fresh journal folder under the temp folder and reports the median of the runs.
/// Usage: Journal.Benchmarks [--entries 4000] [--runs 3] [--appenders 1,16]
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var entries = 4000;
        var runs = 3;
        int[] appenderCounts = [1, 16];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--entries" when i + 1 < args.Length:
                    entries = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--appenders" when i + 1 < args.Length:
                    appenderCounts = [.. args[++i].Split(',').Select(count => int.Parse(count, CultureInfo.InvariantCulture))];
                    break;
                default:
                    Console.Error.WriteLine("Usage: Journal.Benchmarks [--entries 4000] [--runs 3] [--appenders 1,16]");
                    return 2;
            }
        }

        Console.WriteLine($"entry size {Entry(0).CalculateSize() + 1} bytes on the log, {entries} entries a run, median of {runs} runs");
        foreach (var appenders in appenderCounts)
        {
            var rates = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                rates.Add(await MeasureAsync(entries, appenders));
            }

            rates.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{appenders,2} appenders: {rates[rates.Count / 2],8:N0} entries/s (runs: {string.Join(", ", rates.Select(rate => rate.ToString("N0", CultureInfo.InvariantCulture)))})"));
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(int entries, int appenders)
    {
        using var folder = new TempDirectory();
        var options = new RaftJournalOptions(Path.Combine(folder.Path, "journal"), FreeEndPoint()) { CheckpointPeriodEntries = 0 };
        var journal = new RaftJournal(options, new CountingStateMachine(), NullLoggerFactory.Instance);
        await using (journal)
        {
            await journal.StartAsync(CancellationToken.None);
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
            {
                for (int id; (id = Interlocked.Increment(ref next)) < entries;)
                {
                    await journal.AppendAsync(Entry(id), CancellationToken.None);
                }
            })));
            return entries / clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>A createDirectory the size of a typical small metadata change, about 100 bytes encoded.</summary>
    private static JournalEntry Entry(long id) => new()
    {
        OperationId = string.Create(CultureInfo.InvariantCulture, $"bench-{id:D10}"),
        Ops =
        {
            new JournalOp
            {
                CreateDirectory = new InodeDirectoryEntry
                {
                    Id = 1_000_000 + id,
                    ParentId = 1,
                    Name = string.Create(CultureInfo.InvariantCulture, $"benchmark-directory-{id:D10}"),
                    CreationTimeMs = 1_700_000_000_000 + id,
                    LastModificationTimeMs = 1_700_000_000_000 + id,
                    Owner = "alluxio",
                    Group = "supergroup",
                    Mode = 0x1ED,
                },
            },
        },
    };

    private static IPEndPoint FreeEndPoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();
        return endPoint;
    }
}
