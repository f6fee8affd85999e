using System.Globalization;
using System.Text.Json;
using Alluxio.Grpc.Journal;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Google.Protobuf;

namespace Alluxio.Journal;

/// <summary>
/// <c>bin/alluxio readJournal</c>: prints a stopped master's journal as text, the newest checkpoint's entries first
/// and then every log entry a restart would replay, one JSON line per op. Credentials in mount options print as
/// <c>******</c>.
/// </summary>
/// <remarks>
/// Lines look like <c>{"checkpoint": 250, "op": {…}}</c> for the checkpoint and
/// <c>{"index": 251, "operationId": "…", "op": {…}}</c> for the log. The checkpoint is read as the recommended
/// format, a length-delimited sequence of <see cref="JournalEntry"/> messages; one the dump cannot read that way is
/// reported in a line of its own.
/// </remarks>
public static class JournalDump
{
    private const int DefaultLogFileSize = 10 * 1024 * 1024;

    private static readonly JsonFormatter s_json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    /// <summary>Prints the journal in <paramref name="folder"/> to <paramref name="output"/>.</summary>
    /// <returns>The number of ops printed.</returns>
    /// <exception cref="JournalException">The folder holds no journal, is in use by a running master, or is damaged.</exception>
    public static async Task<long> DumpAsync(string folder, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(output);
        var full = Path.GetFullPath(folder);
        if (JournalFolder.IsMissingOrEmpty(full))
        {
            throw new JournalException($"There is no journal in {full}; check alluxio.master.journal.folder.");
        }

        // The lock keeps a master from starting while the dump has the log open, and refuses a running one.
        using var folderLock = JournalFolder.Lock(full);
        try
        {
            JournalFiles.Check(full);
            var printer = new DumpPrinter(output);
            var checkpoint = CheckpointFile.FindNewest(JournalFolder.CheckpointFolder(full));
            if (checkpoint is not null)
            {
                await checkpoint.VerifyAsync(cancellationToken).ConfigureAwait(false);
                await printer.PrintCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            }

            var reader = new DumpStateMachine(printer, checkpoint is null ? null : new CheckpointSnapshot(checkpoint, DateTimeOffset.UnixEpoch));
            // An existing log has files of its own size; the configured size only matters to a log with none.
            var log = new WriteAheadLog(JournalLogOptions.Create(full, DefaultLogFileSize, out _), reader);
            await using (log.ConfigureAwait(false))
            {
                await log.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return printer.OpsPrinted;
        }
        catch (Exception e) when (e is not OperationCanceledException and not JournalException)
        {
            throw new JournalException(
                $"The journal in {full} is damaged ({JournalFiles.Describe(e)}); restore it from a backup or run `bin/alluxio format` "
                + "to start empty, which loses all metadata.",
                e);
        }
    }

    /// <summary>Writes the lines; DotNext calls the log side on its apply flow, one entry at a time.</summary>
    private sealed class DumpPrinter(TextWriter output)
    {
        public long OpsPrinted { get; private set; }

        public async Task PrintCheckpointAsync(CheckpointFile checkpoint, CancellationToken cancellationToken)
        {
            var payload = checkpoint.OpenPayload();
            await using (payload.ConfigureAwait(false))
            {
                // Entry by entry from the file: a checkpoint of a large namespace is never held whole.
                var reader = new DelimitedEntryReader(payload);
                var prefix = string.Create(CultureInfo.InvariantCulture, $"{{\"checkpoint\": {checkpoint.Index}, ");
                try
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        Print(prefix, entry);
                    }
                }
                catch (InvalidDataException)
                {
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{prefix}\"error\": \"the rest of the checkpoint is not a sequence of length-delimited journal entries\"}}"));
                }
            }
        }

        public void PrintLogEntry(long index, JournalEntry entry) =>
            Print(string.Create(CultureInfo.InvariantCulture, $"{{\"index\": {index}, \"operationId\": \"{JsonEncodedText.Encode(entry.OperationId)}\", "), entry);

        private void Print(string prefix, JournalEntry entry)
        {
            foreach (var op in entry.Ops)
            {
                output.Write(prefix);
                output.Write("\"op\": ");
                output.Write(s_json.Format(CredentialMasking.Masked(op)));
                output.WriteLine('}');
                OpsPrinted++;
            }
        }
    }

    /// <summary>Hands each committed entry after the checkpoint to the printer; keeps and deletes nothing.</summary>
    private sealed class DumpStateMachine(DumpPrinter printer, ISnapshot? checkpoint) : IStateMachine
    {
        public ISnapshot? Snapshot => checkpoint;

        public ValueTask<long> ApplyAsync(LogEntry entry, CancellationToken token)
        {
            if (!entry.IsSnapshot && !entry.IsConfiguration && entry.TryGetPayload(out var payload) && JournalPayload.Decode(payload) is { } journalEntry)
            {
                printer.PrintLogEntry(entry.Index, journalEntry);
            }

            return ValueTask.FromResult(entry.Index);
        }

        public ValueTask ReclaimGarbageAsync(long watermark, CancellationToken token) => ValueTask.CompletedTask;
    }
}
