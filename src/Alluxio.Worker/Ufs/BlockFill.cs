using Alluxio.Errors;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Worker.Ufs;

/// <summary>
/// One block being read from the UFS into a temporary block, shared by every reader of the block: each reads the
/// growing temporary file up to <see cref="Filled"/>, waiting for progress, so the first bytes go out before the
/// block is whole. The fill settles once: committed, or failed with the error every reader gets.
/// </summary>
/// <remarks>
/// A reader opens the temporary file while the fill is not committing; once it commits, the file moves, and a new
/// reader waits for the commit and reads the committed block instead. An open handle keeps reading after the move.
/// </remarks>
internal sealed class BlockFill(long blockId, long length)
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _tempPath;
    private long _filled;
    private bool _committing;
    private AlluxioException? _error;

    public long BlockId { get; } = blockId;

    /// <summary>The block's length: the bytes the fill reads from the UFS.</summary>
    public long Length { get; } = length;

    /// <summary>Completes when the block is committed; fails with the fill's error.</summary>
    public Task Completion => _done.Task;

    /// <summary>Bytes in the temporary file so far, readable by readers.</summary>
    public long Filled
    {
        get
        {
            lock (_lock)
            {
                return _filled;
            }
        }
    }

    /// <summary>
    /// A handle on the temporary file to read the block from as it fills, or null when the block is committed by now
    /// (read it from the store). Waits until the temporary file exists.
    /// </summary>
    /// <exception cref="AlluxioException">The fill failed.</exception>
    public async Task<SafeFileHandle?> OpenReaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_error is not null)
                {
                    throw _error;
                }

                if (_committing)
                {
                    wait = _done.Task;
                }
                else if (_tempPath is not null)
                {
                    // Opened under the lock, so a commit cannot move the file between the check and the open.
                    return File.OpenHandle(_tempPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
                }
                else
                {
                    wait = _progress.Task;
                }
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (wait == _done.Task)
            {
                return null;
            }
        }
    }

    /// <summary>Waits until more than <paramref name="position"/> bytes are filled, or the fill failed (then throws).</summary>
    public async Task WaitBeyondAsync(long position, CancellationToken cancellationToken)
    {
        Task wait;
        lock (_lock)
        {
            if (_error is not null)
            {
                throw _error;
            }

            if (_filled > position || _filled >= Length)
            {
                return;
            }

            wait = _progress.Task;
        }

        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Started(string tempPath)
    {
        lock (_lock)
        {
            _tempPath = tempPath;
        }

        Signal();
    }

    public void Advance(long filled)
    {
        lock (_lock)
        {
            _filled = filled;
        }

        Signal();
    }

    /// <summary>The temporary file is about to move; new readers wait for the committed block.</summary>
    public void Committing()
    {
        lock (_lock)
        {
            _committing = true;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _committing = true;
        }

        _done.TrySetResult();
        Signal();
    }

    public void Failed(AlluxioException error)
    {
        lock (_lock)
        {
            _error = error;
        }

        _done.TrySetException(error);
        Signal();

        // Nobody may be waiting for the completion; its failure must not go unobserved.
        _ = _done.Task.Exception;
    }

    private void Signal()
    {
        TaskCompletionSource progress;
        lock (_lock)
        {
            progress = _progress;
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        progress.TrySetResult();
    }
}
