using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.UnderFs.Options;
using Alluxio.Worker.BlockStore;
using Alluxio.Worker.Ufs;
using Grpc.Core;

namespace Alluxio.Worker.Grpc;

/// <summary>
/// Serves ReadBlock: a cached block from its file under a lease; a miss through the block's single fill (the first
/// miss starts it, every reader follows the growing temporary block); NO_CACHE straight from the UFS unless the block
/// is cached. A request without a length reads to the block's end.
/// </summary>
internal sealed class BlockReader(TieredBlockStore store, BlockFills fills, UfsClients ufsClients, WorkerMetrics metrics, int defaultChunkSize)
{
    /// <summary>Chunks are at most this big whatever the client asks, so one read never pins much memory.</summary>
    private const int MaxChunkSize = 8 << 20;

    public async Task ReadAsync(ReadRequest request, IServerStreamWriter<ReadResponse> responses, CancellationToken cancellationToken)
    {
        if (request.Offset < 0 || request.Length < 0)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"A read of block {request.BlockId} needs a non-negative offset and length, not {request.Offset} and {request.Length}.");
        }

        var chunkSize = (int)Math.Clamp(request.ChunkSize > 0 ? request.ChunkSize : defaultChunkSize, 1, MaxChunkSize);
        var source = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        await using var sourceScope = source.ConfigureAwait(false);
        if (request.Offset > source.Length)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"Offset {request.Offset} is past the end of block {request.BlockId} ({source.Length} bytes).");
        }

        var remaining = source.Length - request.Offset;
        var length = request.Length == 0 ? remaining : Math.Min(request.Length, remaining);
        await ChunkSender.SendAsync(source, request.Offset, length, chunkSize, responses, metrics.BytesReadRemote, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IBlockSource> OpenAsync(ReadRequest request, CancellationToken cancellationToken)
    {
        // CACHE_PROMOTE: the store does not move blocks between tiers yet, so a promoted read is a cached read.
        while (true)
        {
            if (TryLease(request.BlockId) is { } lease)
            {
                return new CachedBlockSource(lease);
            }

            var ufs = request.OpenUfsBlockOptions
                ?? throw new AlluxioException(ErrorType.FileDoesNotExist, $"Block {request.BlockId} is not cached on this worker, and the read names no UFS to fill it from.");
            if (ufs.NoCache)
            {
                return await OpenUfsAsync(ufs, request.Offset, cancellationToken).ConfigureAwait(false);
            }

            var fill = fills.GetOrStart(request.BlockId, ufs);
            if (await fill.OpenReaderAsync(cancellationToken).ConfigureAwait(false) is { } file)
            {
                return new FillingBlockSource(fill, file);
            }

            // Committed meanwhile: read it from the store (or fill it again if it was evicted at once).
        }
    }

    private BlockReadLease? TryLease(long blockId)
    {
        if (store.FindBlock(blockId) is null)
        {
            return null;
        }

        try
        {
            return store.AcquireReadLease(blockId);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileDoesNotExist)
        {
            // Evicted or removed between the look and the lease.
            return null;
        }
    }

    private async Task<IBlockSource> OpenUfsAsync(OpenUfsBlockOptions options, long offset, CancellationToken cancellationToken)
    {
        var ufs = await ufsClients.GetAsync(options.MountId, cancellationToken).ConfigureAwait(false);
        var open = new OpenOptions
        {
            Offset = options.OffsetInFile + offset,
            Length = Math.Max(0, options.BlockSize - offset),
            ContentHash = options.ContentHash.Length == 0 ? null : options.ContentHash,
        };
        var stream = await ufs.Ufs.OpenAsync(options.UfsPath, open, cancellationToken).ConfigureAwait(false);
        return new UfsBlockSource(stream, options.BlockSize, offset, ufs.Counters);
    }
}
