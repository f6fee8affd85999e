using System.Globalization;
using System.Net;
using Alluxio.Grpc.Journal;
using Alluxio.Journal;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: Alluxio.Journal.CrashWriter <journal folder> <port> <first id> <appenders>
// Prints "ready", then "acked <id>" after each append returns, until the parent kills it.
var folder = args[0];
var port = int.Parse(args[1], CultureInfo.InvariantCulture);
var firstId = long.Parse(args[2], CultureInfo.InvariantCulture);
var appenders = int.Parse(args[3], CultureInfo.InvariantCulture);

var options = new RaftJournalOptions(folder, new IPEndPoint(IPAddress.Loopback, port)) { CheckpointPeriodEntries = 0 };
await using var journal = new RaftJournal(options, new DiscardingStateMachine(), NullLoggerFactory.Instance);
await journal.StartAsync(CancellationToken.None);
var output = TextWriter.Synchronized(Console.Out);
output.WriteLine("ready");
output.Flush();

await Task.WhenAll(Enumerable.Range(0, appenders).Select(appender => Task.Run(async () =>
{
    for (var id = firstId + appender; ; id += appenders)
    {
        var entry = new JournalEntry
        {
            OperationId = $"crash-{id}",
            Ops = { new JournalOp { CreateDirectory = new InodeDirectoryEntry { Id = id, Name = "crash" } } },
        };
        await journal.AppendAsync(entry, CancellationToken.None);
        output.WriteLine($"acked {id}");
        output.Flush();
    }
})));

/// <summary>The child keeps no state: the parent checks the journal after the kill.</summary>
internal sealed class DiscardingStateMachine : IJournalStateMachine
{
    public void Apply(JournalEntry entry)
    {
    }

    public Task WriteCheckpointAsync(Stream destination, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Reset()
    {
    }
}
