using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc;
using Grpc.Core;

namespace Alluxio.Client.Data;

/// <summary>
/// Opens the best source for a range of a block: a cached copy on this machine read from its file, a cached copy
/// streamed from its worker, or the UFS streamed through a worker (which caches it unless the read type is
/// NO_CACHE). Workers in <c>excluded</c> have failed this reader before and are not asked again.
/// </summary>
internal sealed class BlockReaderFactory(DataClient data, string user)
{
    public async Task<IBlockReader> OpenAsync(
        FileBlocks blocks, int index, long offsetInBlock, long length, ReadType readType, HashSet<long> excluded, CancellationToken cancellationToken)
    {
        var blockId = blocks.IdOf(index);
        var ufs = blocks.UfsOptions(index, noCache: readType == ReadType.NoCache, user, data.UfsReadConcurrency);
        var promote = readType == ReadType.CachePromote;
        var tried = new HashSet<long>(excluded);
        while (data.Selector.ForCachedRead(blocks.InfoOf(index), tried) is { } location)
        {
            tried.Add(location.WorkerId);
            var client = data.Worker(location.WorkerAddress);
            if (data.ShortCircuit && data.LocalHost.IsLocal(location.WorkerAddress))
            {
                try
                {
                    return await LocalBlockReader.OpenAsync(
                        client, blockId, promote, offsetInBlock, length, location.WorkerId, data.Headers, data.Counters, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RpcException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
                {
                    // Evicted since the master reported it, or its file is out of reach: stream it instead, from wherever.
                    if (e is RpcException { StatusCode: not StatusCode.NotFound })
                    {
                        excluded.Add(location.WorkerId);
                    }

                    continue;
                }
            }

            return Stream(data.Invoker(location.WorkerAddress), location.WorkerId, blockId, offsetInBlock, length, ufs, promote);
        }

        if (ufs is null)
        {
            throw new AlluxioException(
                ErrorType.Unavailable,
                $"Block {blockId} of {blocks.File.Path} is not cached in any available worker and the file is not persisted, so it cannot be read.");
        }

        var worker = data.Selector.ForUfsRead(blockId, await data.Workers.GetAsync(refresh: false, cancellationToken).ConfigureAwait(false), excluded)
            ?? data.Selector.ForUfsRead(blockId, await data.Workers.GetAsync(refresh: true, cancellationToken).ConfigureAwait(false), excluded)
            ?? throw new AlluxioException(ErrorType.Unavailable, $"No worker is left to read block {blockId} of {blocks.File.Path}: every worker tried has failed.");
        return Stream(data.Invoker(worker.Address), worker.Id, blockId, offsetInBlock, length, ufs, promote);
    }

    private GrpcBlockReader Stream(
        CallInvoker invoker, long workerId, long blockId, long offset, long length, OpenUfsBlockOptions? ufs, bool promote) =>
        new(
            invoker,
            new ReadRequest
            {
                BlockId = blockId,
                Offset = offset,
                Length = length,
                ChunkSize = data.ReaderChunkSize,
                OpenUfsBlockOptions = ufs,
                Promote = promote,
            },
            workerId,
            data.Headers,
            data.ReadTimeout);
}
