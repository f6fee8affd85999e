using Alluxio.Errors;
using Alluxio.Grpc;
using Grpc.Core;

namespace Alluxio.Worker.Grpc;

/// <summary>
/// The body of a write stream after its first command: chunks go to the writer as they arrive, a flush command is
/// answered with the bytes taken so far. Returns when the client completes the stream (the caller then commits);
/// throws when the call is cancelled or breaks (the caller then aborts).
/// </summary>
internal static class WriteRequestPump
{
    public static async Task<long> RunAsync(
        IAsyncStreamReader<WriteRequest> requests,
        IServerStreamWriter<WriteResponse> responses,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write,
        Func<CancellationToken, Task> flush,
        CancellationToken cancellationToken)
    {
        long offset = 0;
        while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var request = requests.Current;
            switch (request.ValueCase)
            {
                case WriteRequest.ValueOneofCase.Chunk:
                    await write(request.Chunk.Memory, cancellationToken).ConfigureAwait(false);
                    offset += request.Chunk.Length;
                    break;
                case WriteRequest.ValueOneofCase.Command when request.Command.Flush:
                    await flush(cancellationToken).ConfigureAwait(false);
                    await responses.WriteAsync(new WriteResponse { Offset = offset }, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new AlluxioException(ErrorType.InvalidArgument, "After its first command a write stream carries only chunks and flush commands.");
            }
        }

        return offset;
    }
}
