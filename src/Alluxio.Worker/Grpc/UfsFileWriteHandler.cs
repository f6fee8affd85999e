using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Worker.Blocks;
using Alluxio.Worker.BlockStore;
using Alluxio.Worker.Ufs;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Grpc;

/// <summary>
/// WriteBlock of type UFS_FILE (THROUGH, CACHE_THROUGH): the chunks go straight into the UFS file as they arrive
/// (Kodo sends multipart parts in parallel meanwhile) and, with cacheBlocks, are also cut into the file's blocks.
/// Completing the stream commits the UFS file and answers with its content hash and the blocks cached; a cancelled
/// or failed write abandons the UFS file and the blocks, and the error goes to the writer.
/// </summary>
internal sealed class UfsFileWriteHandler(
    TieredBlockStore store, UfsClients ufsClients, BlockCommitter committer, WorkerMetrics metrics, ILogger logger)
{
    public async Task WriteAsync(
        WriteRequestCommand command, IAsyncStreamReader<WriteRequest> requests, IServerStreamWriter<WriteResponse> responses, CancellationToken cancellationToken)
    {
        var options = command.CreateUfsFileOptions
            ?? throw new AlluxioException(ErrorType.InvalidArgument, "A UFS_FILE write needs createUfsFileOptions.");
        if (options.CacheBlocks && options.BlockSizeBytes <= 0)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"A CACHE_THROUGH write of {options.UfsPath} needs a positive blockSizeBytes, not {options.BlockSizeBytes}.");
        }

        var ufs = await ufsClients.GetAsync(options.MountId, cancellationToken).ConfigureAwait(false);
        var file = await UfsFileWriter.CreateAsync(ufs, options.UfsPath, logger, cancellationToken).ConfigureAwait(false);
        await using var fileScope = file.ConfigureAwait(false);
        var cutter = options.CacheBlocks ? new BlockCutter(store, committer, options.FileId, options.BlockSizeBytes, options.UfsPath, logger) : null;
        try
        {
            var length = await WriteRequestPump.RunAsync(
                requests,
                responses,
                async (chunk, token) =>
                {
                    await file.WriteAsync(chunk, token).ConfigureAwait(false);
                    if (cutter is not null)
                    {
                        await cutter.WriteAsync(chunk, token).ConfigureAwait(false);
                    }

                    // Every byte a client streams to a worker is a remote write, whatever the worker does with it.
                    metrics.BytesWrittenRemote.Add(chunk.Length);
                },
                file.FlushAsync,
                cancellationToken).ConfigureAwait(false);
            var cached = cutter is null ? [] : await cutter.CompleteAsync(cancellationToken).ConfigureAwait(false);
            var contentHash = await file.CommitAsync(cancellationToken).ConfigureAwait(false);
            var response = new WriteResponse { Offset = length, ContentHash = contentHash };
            response.CachedBlockIds.AddRange(cached);
            await responses.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch when (cutter is not null)
        {
            await cutter.AbortAsync().ConfigureAwait(false);
            throw;
        }
    }
}
