using System.Buffers;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.UnderFs.Options;
using Alluxio.Worker.Blocks;
using Alluxio.Worker.BlockStore;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Ufs;

/// <summary>
/// Fills blocks from the UFS once each: the first miss of a block starts one background fill, and every miss of
/// that block while it runs joins it (<see cref="BlockFill"/>). A fill opens the UFS at the block's offset with the
/// file's content hash, so a changed object fails rather than mixing versions, writes a temporary block whose whole
/// length is reserved up front, commits it and reports it to the master; on failure it aborts the temporary block.
/// A fill belongs to the worker, not to the reader that started it: a reader that goes away does not stop it.
/// </summary>
internal sealed class BlockFills(
    TieredBlockStore store, UfsClients ufsClients, BlockCommitter committer, WorkerMetrics metrics, ILogger logger) : IAsyncDisposable
{
    private const int BufferSize = 1 << 20;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, (BlockFill Fill, Task Run)> _fills = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _stopped;

    /// <summary>The fill of <paramref name="blockId"/> under way, or a new one started from <paramref name="options"/>.</summary>
    public BlockFill GetOrStart(long blockId, OpenUfsBlockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BlockFill fill;
        lock (_lock)
        {
            if (_fills.TryGetValue(blockId, out var running))
            {
                return running.Fill;
            }

            if (_stopped)
            {
                throw new AlluxioException(ErrorType.Unavailable, $"Cannot cache block {blockId}: the worker is stopping.");
            }

            fill = new BlockFill(blockId, options.BlockSize);
            var run = Task.Run(() => RunAsync(fill, options, _stopping.Token), CancellationToken.None);
            _fills.Add(blockId, (fill, run));
        }

        return fill;
    }

    /// <summary>Cancels the fills under way and waits for them to abort their temporary blocks.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] runs;
        lock (_lock)
        {
            _stopped = true;
            runs = [.. _fills.Values.Select(f => f.Run)];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(runs).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(BlockFill fill, OpenUfsBlockOptions options, CancellationToken cancellationToken)
    {
        TempBlockWriter? writer = null;
        try
        {
            var ufs = await ufsClients.GetAsync(options.MountId, cancellationToken).ConfigureAwait(false);
            try
            {
                writer = await TempBlockWriter.CreateAsync(store, fill.BlockId, options.BlockSize, cancellationToken).ConfigureAwait(false);
            }
            catch (AlluxioException e) when (e.ErrorType == ErrorType.FileAlreadyExists && store.FindBlock(fill.BlockId) is not null)
            {
                // Cached meanwhile (by a write, or a fill that ended just before this one began): read that.
                Finish(fill);
                fill.Succeeded();
                return;
            }

            fill.Started(writer.Path);
            await CopyAsync(ufs, options, fill, writer, cancellationToken).ConfigureAwait(false);
            fill.Committing();
            await committer.CommitAsync(writer, cancellationToken).ConfigureAwait(false);
            metrics.BlocksFilled.Add(1);
            Finish(fill);
            fill.Succeeded();
        }
        catch (Exception e)
        {
            var error = WorkerErrors.From(e, $"Caching block {fill.BlockId} from {options.UfsPath}");
            WorkerLog.FillFailed(logger, fill.BlockId, options.UfsPath, error.ErrorType, error.Message);
            try
            {
                if (writer is not null)
                {
                    await writer.AbortAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                // Readers are released even if the temporary block could not be removed.
                Finish(fill);
                fill.Failed(error);
            }
        }
    }

    private static async Task CopyAsync(
        MountedUfs ufs, OpenUfsBlockOptions options, BlockFill fill, TempBlockWriter writer, CancellationToken cancellationToken)
    {
        var open = new OpenOptions
        {
            Offset = options.OffsetInFile,
            Length = options.BlockSize,
            ContentHash = options.ContentHash.Length == 0 ? null : options.ContentHash,
        };
        var input = await ufs.Ufs.OpenAsync(options.UfsPath, open, cancellationToken).ConfigureAwait(false);
        await using var inputScope = input.ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (writer.Length < fill.Length)
            {
                var want = (int)Math.Min(buffer.Length, fill.Length - writer.Length);
                var read = await input.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new AlluxioException(
                        ErrorType.FailedPrecondition,
                        $"The UFS file {options.UfsPath} ends at byte {options.OffsetInFile + writer.Length}, before the end of block {fill.BlockId} at byte {options.OffsetInFile + fill.Length}; it changed since its metadata was loaded.");
                }

                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                ufs.Counters.AddRead(read);
                fill.Advance(writer.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Finish(BlockFill fill)
    {
        lock (_lock)
        {
            if (_fills.TryGetValue(fill.BlockId, out var entry) && entry.Fill == fill)
            {
                _fills.Remove(fill.BlockId);
            }
        }
    }
}
