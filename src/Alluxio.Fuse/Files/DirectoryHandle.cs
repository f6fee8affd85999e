using Alluxio.Client;

namespace Alluxio.Fuse.Files;

/// <summary>
/// An open directory being read: the master's listing stream stays open between readdir calls, so a large
/// directory is read once, a buffer at a time, and never held whole. Offsets are positions in that stream (1 and 2
/// are "." and ".."); a read from any other offset than where the last one ended starts the listing again.
/// </summary>
internal sealed class DirectoryHandle(Inode inode, Func<CancellationToken, IAsyncEnumerable<UriStatus>> list) : IAsyncDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private IAsyncEnumerator<UriStatus>? _listing;

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public Inode Inode { get; } = inode;

    /// <summary>The offset after the last entry given.</summary>
    public long Position { get; private set; }

    /// <summary>An entry read from the listing that did not fit the last reply.</summary>
    public UriStatus? Pending { get; set; }

    /// <summary>Moves to <paramref name="offset"/>, restarting the listing when it lies behind.</summary>
    public async ValueTask SeekAsync(long offset, CancellationToken cancellationToken)
    {
        if (offset == Position)
        {
            return;
        }

        if (offset < Position || _listing is null && offset > 2)
        {
            await RestartAsync().ConfigureAwait(false);
        }

        while (Position < offset)
        {
            if (Position >= 2 && await NextAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }

            Position++;
        }
    }

    /// <summary>The next child, or null at the end.</summary>
    public async ValueTask<UriStatus?> NextAsync(CancellationToken cancellationToken)
    {
        if (Pending is { } pending)
        {
            Pending = null;
            return pending;
        }

        _listing ??= list(_closed.Token).GetAsyncEnumerator(_closed.Token);
        return await _listing.MoveNextAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false) ? _listing.Current : null;
    }

    /// <summary>The entry at <see cref="Position"/> was given to the kernel.</summary>
    public void Advance() => Position++;

    /// <summary>Drops the listing (after a failed read, whose stream is in an unknown state); the next read starts it again.</summary>
    public ValueTask ResetAsync() => RestartAsync();

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync().ConfigureAwait(false);
        await RestartAsync().ConfigureAwait(false);
        _closed.Dispose();
        Lock.Dispose();
    }

    private async ValueTask RestartAsync()
    {
        Pending = null;
        Position = 0;
        if (_listing is { } listing)
        {
            _listing = null;
            try
            {
                await listing.DisposeAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Closing a listing cut short.
            }
        }
    }
}
