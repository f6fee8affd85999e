using Alluxio.Errors;
using Alluxio.Worker.BlockStore;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Worker.Blocks;

/// <summary>
/// Appends to one temporary block of the store, growing its reservation as the bytes arrive, and commits or aborts
/// it. Disposing without a commit aborts, so a failed writer never leaves a temporary block behind.
/// </summary>
internal sealed class TempBlockWriter : IAsyncDisposable
{
    /// <summary>The reservation grows at least this much at a time, so a stream of small chunks does not ask per chunk.</summary>
    private const long GrowthStep = 1 << 20;

    private readonly TieredBlockStore _store;
    private readonly SafeFileHandle _file;
    private long _reserved;
    private bool _finished;

    private TempBlockWriter(TieredBlockStore store, TempBlockInfo temp, SafeFileHandle file)
    {
        _store = store;
        _file = file;
        _reserved = temp.ReservedBytes;
        SessionId = temp.SessionId;
        BlockId = temp.BlockId;
        Path = temp.Path;
    }

    public long SessionId { get; }

    public long BlockId { get; }

    /// <summary>The temporary file, which readers of a block being filled open too.</summary>
    public string Path { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Starts block <paramref name="blockId"/> with <paramref name="reserve"/> bytes reserved up front.</summary>
    public static async Task<TempBlockWriter> CreateAsync(TieredBlockStore store, long blockId, long reserve, CancellationToken cancellationToken)
    {
        var temp = await store.CreateTempBlockAsync(SessionIds.Next(), blockId, Math.Max(0, reserve), cancellationToken).ConfigureAwait(false);
        try
        {
            // Shared for reading: readers of a block being filled follow the file as it grows.
            var file = File.OpenHandle(temp.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
            return new TempBlockWriter(store, temp, file);
        }
        catch
        {
            await store.AbortBlockAsync(temp.SessionId, blockId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (Length + data.Length > _reserved)
        {
            var more = Math.Max(Length + data.Length - _reserved, GrowthStep);
            await _store.RequestSpaceAsync(SessionId, BlockId, more, cancellationToken).ConfigureAwait(false);
            _reserved += more;
        }

        await RandomAccess.WriteAsync(_file, data, Length, cancellationToken).ConfigureAwait(false);
        Length += data.Length;
    }

    /// <summary>Commits the block in the store; it is then readable and evictable.</summary>
    public async Task<BlockInfo> CommitAsync(CancellationToken cancellationToken)
    {
        _file.Dispose();
        var info = await _store.CommitBlockAsync(SessionId, BlockId, cancellationToken).ConfigureAwait(false);
        _finished = true;
        return info;
    }

    /// <summary>Deletes the temporary block and returns its reservation; nothing when already committed or aborted.</summary>
    public async Task AbortAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _file.Dispose();
        try
        {
            await _store.AbortBlockAsync(SessionId, BlockId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileDoesNotExist)
        {
            // A commit that failed half-way may have taken the block already; nothing is left to abort.
        }
    }

    public async ValueTask DisposeAsync() => await AbortAsync().ConfigureAwait(false);
}
