using Alluxio.Client;

namespace Alluxio.Fuse.Files;

/// <summary>
/// An open directory being read: the master's listing stream stays open between readdir calls, so a large
/// directory is read once, a buffer at a time, and never held whole. Offsets are positions in that stream (1 and 2
/// are "." and ".."); a read from any other offset than where the last one ended starts the listing again.
/// </summary>
internal sealed class DirectoryHandle(Inode inode, Func<CancellationToken, IAsyncEnumerable<UriStatus>> list) : IAsyncDisposable
{
    private static long s_listings;

    private readonly CancellationTokenSource _closed = new();
    private IAsyncEnumerator<UriStatus>? _listing;
    private CancellationTokenSource? _listingStop;
    private Task<bool>? _pendingMove;

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public Inode Inode { get; } = inode;

    /// <summary>The offset after the last entry given.</summary>
    public long Position { get; private set; }

    /// <summary>Names the listing under way, a number no other listing of the mount had.</summary>
    public long ListingId { get; private set; }

    /// <summary>Whether every entry of the listing under way went to the kernel: it was not entered at an offset.</summary>
    public bool Whole { get; private set; } = true;

    /// <summary>Whether the listing under way has ended: every child was read.</summary>
    public bool AtEnd { get; private set; }

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

        Whole &= Position >= offset || (Position == 0 && offset <= 2);
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

        if (_listing is null)
        {
            ListingId = Interlocked.Increment(ref s_listings);
            _listingStop = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
            _listing = list(_listingStop.Token).GetAsyncEnumerator(_listingStop.Token);
        }

        // A move that outlived the last request's deadline is still the one to wait for.
        _pendingMove ??= _listing.MoveNextAsync().AsTask();
        var more = await _pendingMove.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pendingMove = null;
        AtEnd = !more;
        return more ? _listing.Current : null;
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
        Whole = true;
        AtEnd = false;
        if (_listing is { } listing)
        {
            _listing = null;
            await _listingStop!.CancelAsync().ConfigureAwait(false);
            try
            {
                // A move still running must end before the listing can be disposed.
                if (_pendingMove is { } move)
                {
                    await ((Task)move).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                await listing.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or global::Alluxio.Errors.AlluxioException)
            {
                // Closing a listing cut short.
            }
            finally
            {
                _pendingMove = null;
                _listingStop.Dispose();
                _listingStop = null;
            }
        }
    }
}
