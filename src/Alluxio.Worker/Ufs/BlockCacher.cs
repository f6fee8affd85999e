using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker.Ufs;

/// <summary>
/// Caches blocks from the UFS without reading them out (fs load, Cache requests): through the same single flight as
/// reads, so a block being read is not fetched twice. Background caching runs at most
/// alluxio.worker.network.async.cache.manager.threads.max blocks at a time.
/// </summary>
internal sealed class BlockCacher(TieredBlockStore store, BlockFills fills, int concurrency) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly BackgroundTasks _background = new();

    /// <summary>Caches the block unless it is cached; completes when it is.</summary>
    /// <exception cref="AlluxioException">The fill failed.</exception>
    public async Task CacheAsync(long blockId, OpenUfsBlockOptions options, CancellationToken cancellationToken)
    {
        if (store.FindBlock(blockId) is null)
        {
            await fills.GetOrStart(blockId, options).Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Caches the block in the background; <paramref name="failed"/> hears of a failure.</summary>
    public void CacheInBackground(long blockId, OpenUfsBlockOptions options, Action<AlluxioException>? failed = null) =>
        _background.Run(async stopping =>
        {
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    await CacheAsync(blockId, options, stopping).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (AlluxioException e)
            {
                // The fill logged it.
                failed?.Invoke(e);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The worker stops.
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _background.DisposeAsync().ConfigureAwait(false);
        _slots.Dispose();
    }
}
