using Alluxio.Grpc.Journal;
using Alluxio.Journal;

namespace Alluxio.Master.Sync;

/// <summary>
/// Packs a load's or sync's ops into journal entries of <see cref="MetadataSync.BatchSize"/> ops and keeps one entry in flight
/// while the next fills, so the journal's disk write overlaps the UFS listing. Entries commit in order; the load is
/// durable once <see cref="CompleteAsync"/> returns.
/// </summary>
internal sealed class BatchedJournalWriter(IJournal journal)
{
    private JournalEntry _batch = new();
    private Task _inFlight = Task.CompletedTask;

    public async ValueTask AddAsync(JournalOp op)
    {
        _batch.Ops.Add(op);
        if (_batch.Ops.Count >= MetadataSync.BatchSize)
        {
            await SendAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sends what is left and waits until every entry is applied.</summary>
    public async Task CompleteAsync()
    {
        if (_batch.Ops.Count > 0)
        {
            await SendAsync().ConfigureAwait(false);
        }

        await _inFlight.ConfigureAwait(false);
    }

    private async ValueTask SendAsync()
    {
        // The previous entry must be in before the next goes, so they apply in the order they were made.
        await _inFlight.ConfigureAwait(false);
        var entry = _batch;
        _batch = new JournalEntry();
        _inFlight = journal.AppendAsync(entry, CancellationToken.None);
    }
}
