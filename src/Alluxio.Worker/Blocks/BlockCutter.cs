using Alluxio.Errors;
using Alluxio.Ids;
using Alluxio.Worker.BlockStore;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Blocks;

/// <summary>
/// CACHE_THROUGH: cuts the bytes of a file written through the worker into the file's blocks
/// (<see cref="InodeIds.BlockId"/> of the file, <c>blockSize</c> bytes each), committing and reporting each block as
/// it fills. Caching is a bonus to the UFS write: when the store cannot take a block, caching stops for the rest of
/// the file and the write goes on. <see cref="AbortAsync"/> removes every block of a write that failed.
/// </summary>
internal sealed class BlockCutter(TieredBlockStore store, BlockCommitter committer, long fileId, long blockSize, string ufsPath, ILogger logger)
{
    private readonly List<long> _cached = [];
    private TempBlockWriter? _current;
    private long _index;
    private bool _stopped;

    /// <summary>Caches <paramref name="data"/>, unless caching stopped.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        try
        {
            while (!data.IsEmpty)
            {
                // The file's length is unknown: reserve for what arrives, not a whole block the file may never fill.
                _current ??= await TempBlockWriter.CreateAsync(store, InodeIds.BlockId(fileId, _index), Math.Min(blockSize, data.Length), cancellationToken).ConfigureAwait(false);
                var take = (int)Math.Min(data.Length, blockSize - _current.Length);
                await _current.WriteAsync(data[..take], cancellationToken).ConfigureAwait(false);
                data = data[take..];
                if (_current.Length == blockSize)
                {
                    await CommitCurrentAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is AlluxioException or IOException && !cancellationToken.IsCancellationRequested)
        {
            _stopped = true;
            var error = WorkerErrors.From(e, $"Caching block {_index} of file {fileId}");
            WorkerLog.CacheThroughStopped(logger, fileId, ufsPath, error.ErrorType, error.Message);
            await AbortCurrentAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Commits the last, partial block; returns the ids of the blocks cached.</summary>
    public async Task<IReadOnlyList<long>> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_current is { Length: > 0 })
        {
            await CommitCurrentAsync(cancellationToken).ConfigureAwait(false);
        }

        await AbortCurrentAsync().ConfigureAwait(false);
        return _cached;
    }

    /// <summary>Drops the block being written and removes the blocks cached so far.</summary>
    public async Task AbortAsync()
    {
        await AbortCurrentAsync().ConfigureAwait(false);
        foreach (var blockId in _cached)
        {
            await store.RemoveBlockAsync(blockId, CancellationToken.None).ConfigureAwait(false);
        }

        _cached.Clear();
    }

    private async Task CommitCurrentAsync(CancellationToken cancellationToken)
    {
        var block = await committer.CommitAsync(_current!, cancellationToken).ConfigureAwait(false);
        _cached.Add(block.BlockId);
        _current = null;
        _index++;
    }

    private async Task AbortCurrentAsync()
    {
        if (_current is not null)
        {
            await _current.AbortAsync().ConfigureAwait(false);
            _current = null;
        }
    }
}
