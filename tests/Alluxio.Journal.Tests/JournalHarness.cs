using System.Net;
using Alluxio.Testing;

namespace Alluxio.Journal.Tests;

/// <summary>One journal folder and endpoint across restarts of the journal in one test.</summary>
internal sealed class JournalHarness : IDisposable
{
    private readonly TempDirectory _temp = new();

    public JournalHarness()
    {
        Folder = Path.Combine(_temp.Path, "journal");
        EndPoint = FreePort.Next();
    }

    public string Folder { get; }

    public IPEndPoint EndPoint { get; }

    public LogCapture Logs { get; } = new();

    public RaftJournalOptions Options(long checkpointPeriodEntries = 0, int logFileSizeBytes = 1024 * 1024) =>
        new(Folder, EndPoint) { CheckpointPeriodEntries = checkpointPeriodEntries, LogFileSizeBytes = logFileSizeBytes };

    public async Task<RaftJournal> StartAsync(IJournalStateMachine stateMachine, RaftJournalOptions? options = null)
    {
        var journal = new RaftJournal(options ?? Options(), stateMachine, Logs.Factory);
        try
        {
            await journal.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await journal.DisposeAsync();
            throw;
        }

        return journal;
    }

    public void Dispose()
    {
        try
        {
            Logs.Dispose();
        }
        finally
        {
            _temp.Dispose();
        }
    }
}
