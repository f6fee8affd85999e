using System.Buffers;
using Alluxio.Errors;
using Alluxio.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Alluxio.Worker.Grpc;

/// <summary>
/// Streams a range of a block as ReadResponse chunks from one pooled buffer. The buffer is wrapped, not copied, and
/// reused only after the write of the message holding it completed; HTTP/2 flow control holds the write back when
/// the reader is slow, which bounds what is in flight. Each chunk is counted in <c>sent</c> as it goes.
/// </summary>
internal static class ChunkSender
{
    public static async Task<long> SendAsync(
        IBlockSource source, long offset, long length, int chunkSize, IServerStreamWriter<ReadResponse> responses, RunningCounter sent, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            var end = offset + length;
            var position = offset;
            while (position < end)
            {
                var want = (int)Math.Min(chunkSize, end - position);
                var filled = 0;
                while (filled < want)
                {
                    var read = await source.ReadAsync(position + filled, buffer.AsMemory(filled, want - filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new AlluxioException(
                            ErrorType.FailedPrecondition, $"The block ended at byte {position + filled}, before the {end} bytes its length promised.");
                    }

                    filled += read;
                }

                // Counted before it leaves, so that a reader holding the bytes never sees a count short of them.
                sent.Add(filled);
                await responses.WriteAsync(new ReadResponse { Chunk = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, filled)) }, cancellationToken).ConfigureAwait(false);
                position += filled;
            }

            return position - offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
