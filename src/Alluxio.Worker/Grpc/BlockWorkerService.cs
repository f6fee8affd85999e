using Alluxio.Errors;
using Alluxio.Grpc;
using Grpc.Core;

namespace Alluxio.Worker.Grpc;

/// <summary>
/// The worker's data service (block_worker.proto). Every call also ends when the worker stops, so a stopping
/// worker aborts the writes and releases the leases it holds instead of waiting for its clients.
/// </summary>
public sealed class BlockWorkerService(AlluxioWorker worker) : BlockWorker.BlockWorkerBase
{
    public override Task ReadBlock(ReadRequest request, IServerStreamWriter<ReadResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return worker.RunCallAsync(token => worker.Reader.ReadAsync(request, responseStream, token), context.CancellationToken);
    }

    public override Task WriteBlock(IAsyncStreamReader<WriteRequest> requestStream, IServerStreamWriter<WriteResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        return worker.RunCallAsync(
            async token =>
            {
                if (!await requestStream.MoveNext(token).ConfigureAwait(false))
                {
                    return;
                }

                var command = requestStream.Current.Command
                    ?? throw new AlluxioException(ErrorType.InvalidArgument, "A write stream starts with a command naming what is written.");
                switch (command.Type)
                {
                    case RequestType.AlluxioBlock:
                        await worker.BlockWriter.WriteAsync(command, requestStream, responseStream, token).ConfigureAwait(false);
                        break;
                    case RequestType.UfsFile:
                        await worker.UfsFileWriter.WriteAsync(command, requestStream, responseStream, token).ConfigureAwait(false);
                        break;
                    default:
                        throw new AlluxioException(ErrorType.InvalidArgument, $"A write stream of type {command.Type} is not supported; use ALLUXIO_BLOCK or UFS_FILE.");
                }
            },
            context.CancellationToken);
    }

    public override Task OpenLocalBlock(
        IAsyncStreamReader<OpenLocalBlockRequest> requestStream, IServerStreamWriter<OpenLocalBlockResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        return worker.RunCallAsync(
            async token =>
            {
                if (!await requestStream.MoveNext(token).ConfigureAwait(false))
                {
                    return;
                }

                // CACHE_PROMOTE: the store does not move blocks between tiers yet, so promote is not acted on.
                using var lease = worker.Store.AcquireReadLease(requestStream.Current.BlockId);
                await responseStream.WriteAsync(new OpenLocalBlockResponse { Path = lease.Path }, token).ConfigureAwait(false);

                // The lease lasts until the client completes its side or the call ends (the client goes away, the worker stops).
                try
                {
                    while (await requestStream.MoveNext(token).ConfigureAwait(false))
                    {
                    }
                }
                catch (IOException) when (!token.IsCancellationRequested)
                {
                    // The client reset its stream instead of completing it (it died or gave up): the lease ends all the same.
                }
            },
            context.CancellationToken);
    }

    public override async Task<CacheResponse> Cache(CacheRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var ufs = request.OpenUfsBlockOptions
            ?? throw new AlluxioException(ErrorType.InvalidArgument, $"Caching block {request.BlockId} needs openUfsBlockOptions: caching from another worker is not supported yet.");
        if (request.Async)
        {
            worker.Cacher.CacheInBackground(request.BlockId, ufs);
        }
        else
        {
            await worker.RunCallAsync(token => worker.Cacher.CacheAsync(request.BlockId, ufs, token), context.CancellationToken).ConfigureAwait(false);
        }

        return new CacheResponse();
    }

    public override async Task<RemoveBlockResponse> RemoveBlock(RemoveBlockRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var removed = await worker.RunCallAsync(token => worker.Store.RemoveBlockAsync(request.BlockId, token), context.CancellationToken).ConfigureAwait(false);
        if (!removed && worker.Store.FindBlock(request.BlockId) is null)
        {
            throw new AlluxioException(ErrorType.FileDoesNotExist, $"Block {request.BlockId} is not in this worker's store.");
        }

        return new RemoveBlockResponse();
    }

    public override async Task<FreeWorkerResponse> FreeWorker(FreeWorkerRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await worker.RunCallAsync(worker.FreeAllAsync, context.CancellationToken).ConfigureAwait(false);
        return new FreeWorkerResponse();
    }
}
