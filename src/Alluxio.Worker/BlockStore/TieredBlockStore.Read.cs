using Alluxio.Errors;

namespace Alluxio.Worker.BlockStore;

public sealed partial class TieredBlockStore
{
    /// <summary>
    /// Leases a committed block for reading: until the lease is disposed the block is neither evicted nor removed.
    /// Counts as an access for the eviction order.
    /// </summary>
    /// <exception cref="AlluxioException">FileDoesNotExist when the block is not committed here or is being removed.</exception>
    public BlockReadLease AcquireReadLease(long blockId)
    {
        lock (_lock)
        {
            if (!_blocks.TryGetValue(blockId, out var block) || block.Removing)
            {
                throw new AlluxioException(ErrorType.FileDoesNotExist, $"Block {blockId} is not in this worker's store.");
            }

            block.Leases++;
            block.LastAccess = ++_accessClock;
            return new BlockReadLease(this, block, block.ToInfo());
        }
    }

    /// <summary>
    /// Removes a committed block and deletes its file, waiting for its read leases to end first; no new lease is
    /// granted meanwhile. False when the block is not here or another removal is under way.
    /// </summary>
    public async Task<bool> RemoveBlockAsync(long blockId, CancellationToken cancellationToken = default)
    {
        CommittedBlock? block;
        Task? leasesReleased = null;
        lock (_lock)
        {
            if (!_blocks.TryGetValue(blockId, out block) || block.Removing)
            {
                return false;
            }

            block.Removing = true;
            if (block.Leases > 0)
            {
                block.LeasesReleased ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                leasesReleased = block.LeasesReleased.Task;
            }
        }

        if (leasesReleased is not null)
        {
            try
            {
                await leasesReleased.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_lock)
                {
                    block.Removing = false;
                }

                throw;
            }
        }

        lock (_lock)
        {
            ForgetLocked(block);
        }

        await DeleteBlockFilesAsync([block], BlockRemovalReason.Removed).ConfigureAwait(false);
        return true;
    }

    internal void ReleaseLease(CommittedBlock block)
    {
        TaskCompletionSource? released = null;
        lock (_lock)
        {
            block.Leases--;
            if (block.Leases == 0)
            {
                released = block.LeasesReleased;
                block.LeasesReleased = null;
            }
        }

        released?.TrySetResult();
    }
}
