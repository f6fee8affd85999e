using Alluxio.Client.Data;

namespace Alluxio.Fuse.Files;

/// <summary>
/// A new file being written in order, as Alluxio files are. A write below what was written is taken as already
/// done (editors rewrite what they read); a write beyond it is refused. The file commits at the first close
/// (flush) after data was written by the process that opened it, so close(2) reports a failed upload to the
/// writer; later writes through a duplicate descriptor then fail with EBADF. A close before any write (a shell's
/// redirection closes the original descriptor after dup2) does not commit, nor does a close by a child process
/// that inherited the descriptor (any fork and exec); the release does, for a file closed empty.
/// </summary>
internal sealed class WriteHandle(Inode inode, FileOutStream stream, int ownerProcess) : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _committed;

    public Inode Inode { get; } = inode;

    /// <summary>The process that opened the file: only its close commits, not that of a child that inherited the descriptor.</summary>
    public int OwnerProcess { get; } = ownerProcess;

    /// <summary>The bytes written so far: the file's size while it is being written.</summary>
    public long Length { get; private set; }

    /// <summary>Whether a write arrived: a close commits only then.</summary>
    public bool Written { get; private set; }

    /// <summary>Whether a descriptor of the handle was closed: the commit, if not done yet, follows with the release.</summary>
    public bool Closed { get; set; }

    public async ValueTask<int> WriteAsync(long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_committed)
            {
                throw new FuseException(Errno.EBADF, $"{Inode.Path} was closed and committed; it cannot be written further.");
            }

            if (offset > Length)
            {
                throw new FuseException(Errno.EOPNOTSUPP, $"{Inode.Path} is written in order: a write at {offset} would leave a gap after byte {Length}.");
            }

            Written = true;
            var skip = (int)Math.Min(data.Length, Length - offset);
            if (skip < data.Length)
            {
                await stream.WriteAsync(data[skip..], cancellationToken).ConfigureAwait(false);
                Length += data.Length - skip;
            }

            return data.Length;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Ends when the file is committed or discarded. The kernel sends the release that commits a file closed without
    /// writes after close(2) has returned, so a reader that opens it next waits for this.
    /// </summary>
    public Task Done => _done.Task;

    /// <summary>Commits the file once; a failure (the worker, the UFS, the master) is thrown to the closer.</summary>
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_committed)
            {
                return;
            }

            _committed = true;
            try
            {
                // Within the request's deadline: a cluster that does not answer fails the close, it does not hold it.
                await stream.CloseAsync(cancellationToken).ConfigureAwait(false);
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                if (Inode.Writer == this)
                {
                    Inode.Writer = null;
                }

                Inode.Snapshot = null;
                _done.TrySetResult();
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync() => await CommitAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>Drops what was written (the mount is going away with the file still open): nothing half-written stays.</summary>
    public async ValueTask DiscardAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_committed)
            {
                _committed = true;
                await stream.CancelAsync(cancellationToken).ConfigureAwait(false);
                _done.TrySetResult();
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
