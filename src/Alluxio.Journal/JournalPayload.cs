using System.Buffers;
using Alluxio.Grpc.Journal;
using Google.Protobuf;

namespace Alluxio.Journal;

/// <summary>
/// How a <see cref="JournalEntry"/> travels as a Raft log entry: one format byte, then the protobuf message. The
/// byte tells journal entries from Raft's own empty no-op entries and leaves room for another encoding later.
/// </summary>
internal static class JournalPayload
{
    public const byte FormatProtobuf = 1;

    /// <summary>The encoded entry in a buffer rented from the shared pool; return it when done.</summary>
    public static byte[] Encode(JournalEntry entry, out int length)
    {
        var size = entry.CalculateSize();
        length = size + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        buffer[0] = FormatProtobuf;
        entry.WriteTo(buffer.AsSpan(1, size));
        return buffer;
    }

    /// <summary>The entry in <paramref name="payload"/>; null for an empty payload (a Raft no-op).</summary>
    /// <exception cref="InvalidDataException">The payload is no journal entry: the log is damaged.</exception>
    public static JournalEntry? Decode(ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        var format = payload.FirstSpan[0];
        if (format != FormatProtobuf)
        {
            throw new InvalidDataException($"a log entry has the unknown format {format}");
        }

        try
        {
            return JournalEntry.Parser.ParseFrom(payload.Slice(1));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"a log entry is not a valid journal entry ({e.Message})", e);
        }
    }
}
