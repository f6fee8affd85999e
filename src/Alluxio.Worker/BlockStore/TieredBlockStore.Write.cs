using Alluxio.Errors;
using Alluxio.IO;

namespace Alluxio.Worker.BlockStore;

public sealed partial class TieredBlockStore
{
    /// <summary>
    /// Starts writing block <paramref name="blockId"/> for a session: reserves <paramref name="initialBytes"/> in the
    /// folder the allocator picks (evicting when nothing has room) and creates the empty temporary file to write.
    /// </summary>
    /// <exception cref="AlluxioException">
    /// FileAlreadyExists when the block is committed or being written; ResourceExhausted when no tier can make room.
    /// </exception>
    public async Task<TempBlockInfo> CreateTempBlockAsync(
        long sessionId, long blockId, long initialBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialBytes);
        cancellationToken.ThrowIfCancellationRequested();
        TempBlock temp;
        List<CommittedBlock> victims;
        lock (_lock)
        {
            if (_blocks.ContainsKey(blockId))
            {
                throw new AlluxioException(ErrorType.FileAlreadyExists, $"Block {blockId} is already committed on this worker.");
            }

            if (_tempBlocks.ContainsKey(blockId))
            {
                throw new AlluxioException(ErrorType.FileAlreadyExists, $"Block {blockId} is already being written on this worker.");
            }

            var dir = MaxFreeAllocator.Allocate(_tiers, initialBytes) ?? ChooseDirToEvictLocked(blockId, initialBytes);
            victims = ReserveLocked(dir, initialBytes);
            temp = new TempBlock(sessionId, blockId, dir) { ReservedBytes = initialBytes };
            _tempBlocks.Add(blockId, temp);
        }

        await DeleteBlockFilesAsync(victims, BlockRemovalReason.Evicted).ConfigureAwait(false);
        try
        {
            await Task.Run(() => File.Create(temp.Path).Dispose(), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _tempBlocks.Remove(blockId);
                temp.Dir.UsedBytes -= temp.ReservedBytes;
            }

            throw;
        }

        lock (_lock)
        {
            return temp.ToInfo();
        }
    }

    /// <summary>Grows the reservation of a block being written, evicting from its folder when the bytes do not fit.</summary>
    /// <exception cref="AlluxioException">
    /// FileDoesNotExist when the session is not writing the block; ResourceExhausted when the folder cannot make room.
    /// </exception>
    public async Task RequestSpaceAsync(
        long sessionId, long blockId, long additionalBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(additionalBytes);
        cancellationToken.ThrowIfCancellationRequested();
        List<CommittedBlock> victims;
        lock (_lock)
        {
            var temp = GetTempBlockLocked(sessionId, blockId);
            victims = ReserveLocked(temp.Dir, additionalBytes);
            temp.ReservedBytes += additionalBytes;
        }

        await DeleteBlockFilesAsync(victims, BlockRemovalReason.Evicted).ConfigureAwait(false);
    }

    /// <summary>
    /// Commits a block: flushes its file, fits the reservation to the file's length, moves the file to
    /// <c>&lt;folder&gt;/&lt;blockId&gt;</c> and makes the move durable. The block is then readable and evictable.
    /// </summary>
    public async Task<BlockInfo> CommitBlockAsync(long sessionId, long blockId, CancellationToken cancellationToken = default)
    {
        TempBlock temp;
        lock (_lock)
        {
            temp = GetTempBlockLocked(sessionId, blockId);
            temp.Committing = true;
        }

        var finalPath = Path.Combine(temp.Dir.DataPath, BlockFileName.Format(blockId));
        try
        {
            var length = await Task.Run(() => FlushFile(temp.Path), cancellationToken).ConfigureAwait(false);
            List<CommittedBlock> victims = [];
            lock (_lock)
            {
                if (length > temp.ReservedBytes)
                {
                    victims = ReserveLocked(temp.Dir, length - temp.ReservedBytes);
                }
                else
                {
                    temp.Dir.UsedBytes -= temp.ReservedBytes - length;
                }

                temp.ReservedBytes = length;
            }

            await DeleteBlockFilesAsync(victims, BlockRemovalReason.Evicted).ConfigureAwait(false);
            await Task.Run(() => File.Move(temp.Path, finalPath), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                temp.Committing = false;
            }

            throw;
        }

        CommittedBlock block;
        lock (_lock)
        {
            _tempBlocks.Remove(blockId);
            block = new CommittedBlock(blockId, temp.ReservedBytes, temp.Dir) { LastAccess = ++_accessClock };
            temp.Dir.Blocks.Add(blockId, block);
            _blocks.Add(blockId, block);
        }

        await Task.Run(() => DirectorySync.Flush(temp.Dir.DataPath), CancellationToken.None).ConfigureAwait(false);
        Log.BlockCommitted(_logger, blockId, block.Length, temp.Dir.DataPath);
        lock (_lock)
        {
            return block.ToInfo();
        }
    }

    /// <summary>Abandons a block being written: deletes its file and returns its reservation.</summary>
    public async Task AbortBlockAsync(long sessionId, long blockId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TempBlock temp;
        lock (_lock)
        {
            temp = GetTempBlockLocked(sessionId, blockId);
            _tempBlocks.Remove(blockId);
            temp.Dir.UsedBytes -= temp.ReservedBytes;
        }

        await Task.Run(() => File.Delete(temp.Path), CancellationToken.None).ConfigureAwait(false);
    }

    private static long FlushFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
        return stream.Length;
    }

    private TempBlock GetTempBlockLocked(long sessionId, long blockId)
    {
        if (!_tempBlocks.TryGetValue(blockId, out var temp) || temp.SessionId != sessionId)
        {
            throw new AlluxioException(ErrorType.FileDoesNotExist, $"Session {sessionId} is not writing block {blockId}.");
        }

        if (temp.Committing)
        {
            throw new AlluxioException(ErrorType.FailedPrecondition, $"Block {blockId} is being committed.");
        }

        return temp;
    }

    /// <summary>The highest-tier folder that can make room for <paramref name="bytes"/> by evicting, the one that can offer most.</summary>
    private StorageDir ChooseDirToEvictLocked(long blockId, long bytes)
    {
        foreach (var dirs in _tiers)
        {
            var best = dirs.MaxBy(d => LruEvictor.ReachableBytes(d, IsPinned))!;
            if (LruEvictor.ReachableBytes(best, IsPinned) >= bytes)
            {
                return best;
            }
        }

        var top = _tiers[0].MaxBy(d => d.AvailableBytes)!;
        throw new AlluxioException(
            ErrorType.ResourceExhausted,
            $"Cannot reserve {bytes} bytes for block {blockId} in tier {top.Tier.Alias} or below: at most {Math.Max(0, top.AvailableBytes)} bytes are free in one of its folders and the other blocks are pinned or being read.");
    }
}
