using Alluxio.Grpc;
using Alluxio.Worker.Blocks;
using Alluxio.Worker.BlockStore;
using Grpc.Core;

namespace Alluxio.Worker.Grpc;

/// <summary>
/// WriteBlock of type ALLUXIO_BLOCK: a temporary block with the command's reservation, the chunks appended, committed
/// and reported to the master when the client completes the stream; aborted when the call is cancelled or fails.
/// </summary>
internal sealed class BlockWriteHandler(TieredBlockStore store, BlockCommitter committer, PinnedBlocks pinned, WorkerMetrics metrics)
{
    public async Task WriteAsync(
        WriteRequestCommand command, IAsyncStreamReader<WriteRequest> requests, IServerStreamWriter<WriteResponse> responses, CancellationToken cancellationToken)
    {
        var writer = await TempBlockWriter.CreateAsync(store, command.Id, command.SpaceToReserve, cancellationToken).ConfigureAwait(false);
        await using var writerScope = writer.ConfigureAwait(false);
        var pin = command.PinOnCreate && !pinned.Contains(command.Id);
        if (pin)
        {
            pinned.Pin(command.Id);
        }

        try
        {
            var length = await WriteRequestPump.RunAsync(
                requests,
                responses,
                async (chunk, token) =>
                {
                    await writer.WriteAsync(chunk, token).ConfigureAwait(false);
                    metrics.BytesWrittenRemote.Add(chunk.Length);
                },
                _ => Task.CompletedTask,
                cancellationToken).ConfigureAwait(false);
            await committer.CommitAsync(writer, cancellationToken).ConfigureAwait(false);
            await responses.WriteAsync(new WriteResponse { Offset = length }, cancellationToken).ConfigureAwait(false);
        }
        catch when (pin)
        {
            pinned.Unpin(command.Id);
            throw;
        }
    }
}
