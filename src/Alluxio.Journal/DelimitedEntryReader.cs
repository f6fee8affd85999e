using System.Buffers;
using Alluxio.Grpc.Journal;
using Google.Protobuf;

namespace Alluxio.Journal;

/// <summary>Reads length-delimited journal entries (a checkpoint's format) one at a time from a stream.</summary>
public sealed class DelimitedEntryReader(Stream source)
{
    private readonly byte[] _one = new byte[1];

    /// <summary>The next entry, or null at a clean end of the stream.</summary>
    /// <exception cref="InvalidDataException">The stream ends inside an entry or holds something else.</exception>
    public async ValueTask<JournalEntry?> ReadAsync(CancellationToken cancellationToken)
    {
        var length = await ReadLengthAsync(cancellationToken).ConfigureAwait(false);
        if (length < 0)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            await source.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return JournalEntry.Parser.ParseFrom(buffer, 0, length);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidProtocolBufferException)
        {
            throw new InvalidDataException("The checkpoint ends inside an entry or holds data that is not a journal entry.", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<int> ReadLengthAsync(CancellationToken cancellationToken)
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (await source.ReadAsync(_one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return shift == 0 ? -1 : throw new InvalidDataException("The checkpoint ends inside an entry's length.");
            }

            result |= (_one[0] & 0x7F) << shift;
            if ((_one[0] & 0x80) == 0)
            {
                return result >= 0 ? result : throw new InvalidDataException("The checkpoint holds a negative entry length.");
            }
        }

        throw new InvalidDataException("The checkpoint holds an entry length longer than five bytes.");
    }
}
