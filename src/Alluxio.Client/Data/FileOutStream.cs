using System.Buffers;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Errors;
using Alluxio.Ids;
using Grpc.Core;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Client.Data;

/// <summary>
/// A new file of the namespace as a write-only <see cref="Stream"/>. MUST_CACHE and ASYNC_THROUGH write the file's
/// blocks to one worker; THROUGH and CACHE_THROUGH stream the whole file through one worker into the UFS (which, for
/// CACHE_THROUGH, keeps the same bytes as blocks). Bytes are sent in chunks of
/// alluxio.user.network.writer.chunk.size.bytes from one pooled buffer.
/// </summary>
/// <remarks>
/// <see cref="Flush"/> returns once the worker holds everything written so far. Closing (Dispose) commits: the
/// worker commits the blocks or the UFS object, then the master completes the file. A failure at any point — the
/// worker, the UFS, the master — is thrown to the writer; what was written is discarded (the UFS upload aborted,
/// temporary blocks dropped) and the incomplete file is deleted, so nothing half-written is visible.
/// <see cref="CancelAsync"/> does the same on purpose.
/// </remarks>
public sealed class FileOutStream : Stream
{
    private readonly FileInfo _file;
    private readonly WritePType _writeType;
    private readonly DataClient _data;
    private readonly Func<long, string, IReadOnlyDictionary<string, byte[]>, CancellationToken, Task> _complete;
    private readonly Func<CancellationToken, Task> _discard;
    private readonly long _blockSize;
    private byte[]? _buffer;
    private int _filled;
    private long _length;
    private WorkerInfo? _worker;
    private WorkerWriter? _writer;
    private bool _closed;

    internal FileOutStream(
        FileInfo file, WritePType writeType, DataClient data, Func<long, string, IReadOnlyDictionary<string, byte[]>, CancellationToken, Task> complete, Func<CancellationToken, Task> discard)
    {
        _file = file;
        _writeType = writeType;
        _data = data;
        _complete = complete;
        _discard = discard;
        _blockSize = file.BlockSizeBytes > 0 ? file.BlockSizeBytes : long.MaxValue;
    }

    /// <summary>The file's status when it was created.</summary>
    public UriStatus Status => new(_file);

    /// <summary>
    /// Extended attributes the file takes as it completes on close, for what is known only once all is written
    /// (an S3 object's ETag). Set before closing.
    /// </summary>
    public Dictionary<string, byte[]> CompletionXAttr { get; } = new(StringComparer.Ordinal);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_closed;

    /// <summary>The bytes written so far.</summary>
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException("Alluxio files are written sequentially.");
    }

    /// <summary>Whether the file goes to the UFS through a worker as one stream, rather than as blocks.</summary>
    private bool ThroughUfs => _writeType is WritePType.Through or WritePType.CacheThrough;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfClosed();
        while (!buffer.IsEmpty)
        {
            var taken = Take(buffer);
            buffer = buffer[taken..];
            if (ChunkDue())
            {
                SendAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        while (!buffer.IsEmpty)
        {
            var taken = Take(buffer.Span);
            buffer = buffer[taken..];
            if (ChunkDue())
            {
                await SendAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await GuardAsync(
            async () =>
            {
                await SendChunkAsync(cancellationToken).ConfigureAwait(false);
                if (_writer is { } writer)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Abandons the file: nothing written becomes visible, and the incomplete file is deleted.</summary>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        await AbandonAsync().ConfigureAwait(false);
        await _discard(cancellationToken).ConfigureAwait(false);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Alluxio files are written sequentially.");

    public override void SetLength(long value) => throw new NotSupportedException("Alluxio files are written sequentially.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("An Alluxio file being written cannot be read.");

    public override async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Commits the file (the last chunk, the worker's commit, then the master's completion), as DisposeAsync does,
    /// but within <paramref name="cancellationToken"/>: a commit that cannot finish in time fails, and the file is
    /// discarded, so a caller with a deadline (a FUSE close) is never held by the cluster past it.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return;
        }

        await GuardAsync(
            async () =>
            {
                await SendChunkAsync(cancellationToken).ConfigureAwait(false);
                var contentHash = await FinishWriterAsync(cancellationToken).ConfigureAwait(false);
                if (ThroughUfs && _length > 0 && contentHash.Length == 0)
                {
                    throw new AlluxioException(ErrorType.Internal, $"The worker wrote {_file.Path} to the UFS but did not say what it wrote.");
                }

                await _complete(_length, contentHash, CompletionXAttr.AsReadOnly(), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        _closed = true;
        ReturnBuffer();
    }

    /// <summary>Copies what fits into the chunk: never past the chunk's end, nor, for block writes, past a block's end.</summary>
    private int Take(ReadOnlySpan<byte> source)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(_data.WriterChunkSize);
        var room = Math.Min(_data.WriterChunkSize, _buffer.Length) - _filled;
        if (!ThroughUfs)
        {
            room = (int)Math.Min(room, _blockSize - (_length % _blockSize));
        }

        var count = Math.Min(room, source.Length);
        source[..count].CopyTo(_buffer.AsSpan(_filled));
        _filled += count;
        _length += count;
        return count;
    }

    private bool ChunkDue() =>
        _filled >= Math.Min(_data.WriterChunkSize, _buffer!.Length) || (!ThroughUfs && _length % _blockSize == 0);

    private Task SendAsync(CancellationToken cancellationToken) =>
        GuardAsync(
            async () =>
            {
                await SendChunkAsync(cancellationToken).ConfigureAwait(false);
                if (!ThroughUfs && _length % _blockSize == 0)
                {
                    // The block is full: commit it before the next one starts.
                    await FinishWriterAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

    private async Task SendChunkAsync(CancellationToken cancellationToken)
    {
        if (_filled == 0)
        {
            return;
        }

        var writer = _writer ??= await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(_buffer.AsMemory(0, _filled), cancellationToken).ConfigureAwait(false);
        _filled = 0;
    }

    /// <summary>Completes the open writer, if any, and returns the content hash it reports.</summary>
    private async Task<string> FinishWriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not { } writer)
        {
            return "";
        }

        _writer = null;
        await using (writer.ConfigureAwait(false))
        {
            var answer = await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return answer.ContentHash;
        }
    }

    private async Task<WorkerWriter> OpenWriterAsync(CancellationToken cancellationToken)
    {
        _worker ??= _data.Selector.ForWrite(await _data.Workers.GetAsync(refresh: false, cancellationToken).ConfigureAwait(false), new HashSet<long>())
            ?? throw new AlluxioException(ErrorType.Unavailable, $"No worker is available to write {_file.Path}.");
        WriteRequestCommand command;
        if (ThroughUfs)
        {
            command = new WriteRequestCommand
            {
                Type = RequestType.UfsFile,
                CreateUfsFileOptions = new CreateUfsFileOptions
                {
                    UfsPath = _file.UfsPath,
                    Owner = _file.Owner,
                    Group = _file.Group,
                    Mode = _file.Mode,
                    MountId = _file.MountId,
                    CacheBlocks = _writeType == WritePType.CacheThrough,
                    FileId = _file.FileId,
                    BlockSizeBytes = _file.BlockSizeBytes,
                },
            };
        }
        else
        {
            var index = (_length - 1) / _blockSize;
            command = new WriteRequestCommand
            {
                Type = RequestType.AlluxioBlock,
                Id = InodeIds.BlockId(_file.FileId, index),
                SpaceToReserve = Math.Min(_blockSize, _data.WriterChunkSize),
                Tier = 0,
                PinOnCreate = _file.Pinned,
            };
        }

        return await WorkerWriter.OpenAsync(_data.Worker(_worker.Address), command, _worker.Id, _data.Headers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a step of the write; if it fails, the file is abandoned and the failure thrown as Alluxio's error.</summary>
    private async Task GuardAsync(Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or AlluxioException or IOException or OperationCanceledException)
        {
            _closed = true;
            await AbandonAsync().ConfigureAwait(false);
            // The incomplete file is deleted; a caller whose time is up does not wait for that (nor for a master
            // that does not answer), and the delete goes on without it.
            await DiscardQuietlyAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            throw e switch
            {
                RpcException { StatusCode: StatusCode.Cancelled } when cancellationToken.IsCancellationRequested =>
                    new OperationCanceledException($"The write of {_file.Path} was canceled.", e, cancellationToken),
                RpcException rpc => AlluxioStatus.ToAlluxioException(rpc, _worker is null ? _file.Path : _worker.Address.Target),
                _ => e,
            };
        }
    }

    /// <summary>Deletes the incomplete file; the write's own failure is what the writer needs to see, so this one's is dropped (the file may stay behind).</summary>
    private async Task DiscardQuietlyAsync()
    {
        try
        {
            await _discard(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AlluxioException or RpcException or OperationCanceledException)
        {
        }
    }

    private async Task AbandonAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        ReturnBuffer();
    }

    private void ReturnBuffer()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _filled = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new ObjectDisposedException(nameof(FileOutStream), $"The stream writing {_file.Path} is closed.");
        }
    }
}
