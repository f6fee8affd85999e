using Alluxio.Client.Options;
using Alluxio.Errors;
using Grpc.Core;

namespace Alluxio.Client.Data;

/// <summary>
/// Opens the next block's reader while a sequential read is still in the current one, so the round trip to a worker
/// (a lease for a local block, the first chunk of a stream, a worker's fill from the UFS) overlaps with reading
/// instead of stalling at every block boundary. At most one block ahead; a reader that is not taken is closed.
/// </summary>
internal sealed class NextBlockOpener(FileBlocks blocks, BlockReaderFactory readers, ReadType readType) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _index = -1;
    private Task<IBlockReader>? _opening;

    /// <summary>Starts opening block <paramref name="index"/> from its start, unless it is being opened already.</summary>
    public void Start(int index, IReadOnlySet<long> failedWorkers)
    {
        if (_index == index || index >= blocks.Count || _stop.IsCancellationRequested)
        {
            return;
        }

        Discard();

        // The factory adds to the exclusions it is given; the stream's own set stays with the stream's thread.
        var excluded = new HashSet<long>(failedWorkers);
        _index = index;
        var token = _stop.Token;
        _opening = Task.Run(() => readers.OpenAsync(blocks, index, 0, blocks.LengthOf(index), readType, excluded, token), token);
    }

    /// <summary>
    /// The reader opened ahead for block <paramref name="index"/> from its start, or null when none was or its
    /// opening failed (the caller then opens one itself, with its own failure handling).
    /// </summary>
    public async ValueTask<IBlockReader?> TakeAsync(int index)
    {
        if (_opening is not { } opening || _index != index)
        {
            Discard();
            return null;
        }

        _opening = null;
        _index = -1;
        try
        {
            return await opening.ConfigureAwait(false);
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // Opening again in the foreground meets the same failure where it is handled, or succeeds elsewhere.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Discard();
        _stop.Dispose();
    }

    /// <summary>Closes a reader opened ahead that will not be used, once its opening is done.</summary>
    private void Discard()
    {
        if (_opening is { } opening)
        {
            _opening = null;
            _index = -1;
            _ = CloseWhenOpenedAsync(opening);
        }
    }

    private static async Task CloseWhenOpenedAsync(Task<IBlockReader> opening)
    {
        try
        {
            var reader = await opening.ConfigureAwait(false);
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or IOException or OperationCanceledException or AlluxioException or UnauthorizedAccessException)
        {
            // A block opened ahead and never read: its failure concerns no reader, and the foreground open reports its own.
        }
    }
}
