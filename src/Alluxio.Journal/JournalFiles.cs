using System.Buffers.Binary;

namespace Alluxio.Journal;

/// <summary>
/// Checks of the files DotNext keeps under <c>log/</c> that DotNext itself does not make: probes showed that a
/// missing or cut commit record (<c>log/checkpoint</c>) opens as an empty log and a broken node state opens as it
/// is, both silently. A journal with log pages needs both files whole.
/// </summary>
internal static class JournalFiles
{
    /// <summary>The commit record: 8 bytes (version 0), or a 4-byte version and 8 or 16 bytes.</summary>
    private static readonly long[] s_commitRecordLengths = [8, 12, 20];

    /// <summary>DotNext 6.12's node state: a vote flag, the 28-byte member id voted for, and the 8-byte term.</summary>
    private const int NodeStateLength = 37;

    /// <exception cref="InvalidDataException">The layout or DotNext's small files are damaged; the message says which.</exception>
    public static void Check(string folder)
    {
        var marker = Path.Combine(folder, JournalFolder.VersionFileName);
        if (!File.Exists(marker))
        {
            throw new InvalidDataException($"{JournalFolder.VersionFileName} is missing, so this is no journal or a broken one");
        }

        if (File.ReadAllText(marker) != JournalFolder.VersionContent)
        {
            throw new InvalidDataException($"{JournalFolder.VersionFileName} names an unknown layout");
        }

        var log = JournalFolder.LogFolder(folder);
        foreach (var required in new[] { log, JournalFolder.CheckpointFolder(folder) })
        {
            if (!Directory.Exists(required))
            {
                throw new InvalidDataException($"{Path.GetFileName(required)}/ is missing");
            }
        }

        var metadata = Path.Combine(log, "metadata");
        var hasEntries = Directory.Exists(metadata) && Directory.EnumerateFiles(metadata).Any();
        if (!hasEntries)
        {
            return;
        }

        var commitRecord = new FileInfo(Path.Combine(log, "checkpoint"));
        if (!commitRecord.Exists)
        {
            throw new InvalidDataException("log/checkpoint, the record of committed entries, is missing");
        }

        // An empty record is a log that never committed anything; a log with written entries must say how far it got.
        if (commitRecord.Length == 0 && Directory.EnumerateFiles(metadata).Any(HoldsData))
        {
            throw new InvalidDataException("log/checkpoint, the record of committed entries, is empty although the log holds entries");
        }

        if (commitRecord.Length != 0 && !s_commitRecordLengths.Contains(commitRecord.Length))
        {
            throw new InvalidDataException($"log/checkpoint, the record of committed entries, has {commitRecord.Length} bytes");
        }

        var nodeState = new FileInfo(Path.Combine(log, "state"));
        if (!nodeState.Exists)
        {
            throw new InvalidDataException("log/state, the Raft term and vote, is missing");
        }

        var state = File.ReadAllBytes(nodeState.FullName);
        if (state.Length != NodeStateLength || state[0] > 1 || BinaryPrimitives.ReadInt64LittleEndian(state.AsSpan(NodeStateLength - 8)) < 0)
        {
            throw new InvalidDataException("log/state, the Raft term and vote, is broken");
        }
    }

    private static bool HoldsData(string path)
    {
        var buffer = new byte[1 << 16];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        for (int read; (read = file.Read(buffer)) > 0;)
        {
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most telling message of an exception chain: DotNext wraps the cause in "task interrupted" ones.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is not DotNext.Threading.PendingTaskInterruptedException && !string.IsNullOrWhiteSpace(cause.Message))
            {
                message = cause.Message;
                if (cause is InvalidDataException)
                {
                    break;
                }
            }
        }

        return message.ReplaceLineEndings(" ").TrimEnd('.');
    }
}
