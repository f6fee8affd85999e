using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc.Errors;
using Grpc.Core;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Client.Data;

/// <summary>
/// A file of the namespace as a read-only, seekable <see cref="Stream"/>, read block by block from the best source
/// (<see cref="BlockReaderFactory"/>). A source that fails mid-read — a worker that died, a block evicted, a stream
/// that stalls — is replaced by another at the same position, and the caller sees no gap: a worker that failed is
/// not asked again by this stream. Errors that another source would repeat (the UFS object changed, access denied)
/// end the read.
/// </summary>
/// <remarks>
/// Sequential reads keep one block reader open per block; <see cref="ReadAtAsync"/> reads any range without moving
/// the position. Not thread-safe, like other streams; positioned reads may run concurrently with each other.
/// </remarks>
public sealed class FileInStream : Stream
{
    private readonly FileBlocks _blocks;
    private readonly BlockReaderFactory _readers;
    private readonly ReadType _readType;
    private readonly HashSet<long> _failedWorkers = [];
    private readonly NextBlockOpener _next;
    private IBlockReader? _reader;
    private long _readerPosition = -1;
    private int _readerBlock = -1;
    private long _position;
    private long _readEnd = -1;
    private bool _disposed;

    internal FileInStream(FileInfo file, BlockReaderFactory readers, ReadType readType)
    {
        _blocks = new FileBlocks(file);
        _readers = readers;
        _readType = readType;
        _next = new NextBlockOpener(_blocks, readers, readType);
    }

    /// <summary>The file's status when it was opened.</summary>
    public UriStatus Status => new(_blocks.File);

    private FileInfo File => _blocks.File;

    /// <summary>
    /// Whether the last read came from a worker's block file on this host (short-circuit) rather than from a stream,
    /// where reading ahead pays.
    /// </summary>
    public bool ReadsLocally => _reader is LocalBlockReader;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => _blocks.Length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        buffer = buffer[..(int)Math.Min(buffer.Length, Remaining())];
        for (var attempt = 0; ; attempt++)
        {
            var reader = _reader is not null && _readerPosition == _position
                ? _reader
                : OpenAtPositionAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            try
            {
                return Advance(reader.Read(buffer));
            }
            catch (Exception e) when (IsSourceFailure(e, CancellationToken.None))
            {
                FailOverAsync(reader, e, attempt).AsTask().GetAwaiter().GetResult();
            }
            catch (RpcException e)
            {
                throw Surface(e);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        buffer = buffer[..(int)Math.Min(buffer.Length, Remaining())];
        for (var attempt = 0; ; attempt++)
        {
            var reader = _reader is not null && _readerPosition == _position
                ? _reader
                : await OpenAtPositionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return Advance(await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested)
            {
                // A read cancelled mid-chunk leaves its reader's call cancelled too: the next read opens a new one here.
                await CloseReaderAsync().ConfigureAwait(false);
                if (e is RpcException rpc)
                {
                    throw Surface(rpc, cancellationToken);
                }

                throw;
            }
            catch (Exception e) when (IsSourceFailure(e, cancellationToken))
            {
                await FailOverAsync(reader, e, attempt).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw Surface(e, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Takes up to <paramref name="count"/> bytes at <see cref="Position"/> as a range of the local block file that
    /// holds them, instead of reading them, and moves past them; never past the block's end. Null when they are not
    /// in a local block file: <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> then reads them with the
    /// reader opened here. The caller releases the range once done with it.
    /// </summary>
    public async ValueTask<LocalFileRange?> TakeLocalRangeAsync(int count, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count <= 0 || _position >= Length)
        {
            return null;
        }

        var reader = _reader is not null && _readerPosition == _position
            ? _reader
            : await OpenAtPositionAsync(cancellationToken).ConfigureAwait(false);
        if (reader is not LocalBlockReader local)
        {
            return null;
        }

        var range = local.Take((int)Math.Min(count, Remaining()));
        Advance(range.Length);
        return range;
    }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>'s length from <paramref name="position"/> without moving
    /// <see cref="Position"/>; fewer bytes only at the end of the file.
    /// </summary>
    public async ValueTask<int> ReadAtAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        var total = 0;
        while (total < buffer.Length && position + total < Length)
        {
            var at = position + total;
            var index = _blocks.IndexAt(at);
            var inBlock = at - _blocks.StartOf(index);
            var wanted = (int)Math.Min(buffer.Length - total, _blocks.LengthOf(index) - inBlock);
            total += await ReadRangeAsync(index, inBlock, buffer.Slice(total, wanted), cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("An Alluxio file opened for reading cannot be changed.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An Alluxio file opened for reading cannot be written.");

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await CloseReaderAsync().ConfigureAwait(false);
            await _next.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            CloseReaderAsync().AsTask().GetAwaiter().GetResult();
            _next.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private long Remaining() => Math.Min(Length - _position, _blocks.StartOf(_blocks.IndexAt(_position)) + _blocks.LengthOf(_blocks.IndexAt(_position)) - _position);

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new AlluxioException(ErrorType.Internal, $"A block of {File.Path} ended before byte {_position} of {Length}.");
        }

        var index = _blocks.IndexAt(_position);
        _position += read;
        _readEnd = _position;

        // At the end of a block the reader is spent: the next read opens the next block's.
        _readerPosition = _position == _blocks.StartOf(index) + _blocks.LengthOf(index) ? -1 : _position;
        return read;
    }

    private async ValueTask<IBlockReader> OpenAtPositionAsync(CancellationToken cancellationToken)
    {
        var sequential = _position == 0 || _position == _readEnd;
        var index = _blocks.IndexAt(_position);
        var inBlock = _position - _blocks.StartOf(index);
        if (_reader is LocalBlockReader local && _readerBlock == index)
        {
            // A seek within a leased block file moves the reader: its lease and open file serve the whole block, and
            // random reads (a training job's samples, fio) would otherwise pay a lease round trip each.
            local.MoveTo(inBlock);
            _readerPosition = _position;
            return local;
        }

        await CloseReaderAsync().ConfigureAwait(false);
        _reader = (inBlock == 0 ? await _next.TakeAsync(index).ConfigureAwait(false) : null)
            ?? await _readers.OpenAsync(_blocks, index, inBlock, _blocks.LengthOf(index) - inBlock, _readType, _failedWorkers, cancellationToken)
                .ConfigureAwait(false);
        _readerPosition = _position;
        _readerBlock = index;
        if (sequential && inBlock == 0 && _reader is LocalBlockReader)
        {
            // Reading on from the previous block's end (or the file's start): the next block will be wanted too. Only
            // a local block's lease is taken ahead: a stream opened ahead would fill its window and compete with the
            // current one for the connection, which costs more than the round trip it saves.
            _next.Start(index + 1, _failedWorkers);
        }

        return _reader;
    }

    private async ValueTask<int> ReadRangeAsync(int index, long inBlock, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var done = 0;
        for (var attempt = 0; done < buffer.Length; attempt++)
        {
            var reader = await _readers.OpenAsync(
                _blocks, index, inBlock + done, buffer.Length - done, _readType, _failedWorkers, cancellationToken).ConfigureAwait(false);
            await using var owned = reader.ConfigureAwait(false);
            try
            {
                while (done < buffer.Length)
                {
                    var read = await reader.ReadAsync(buffer[done..], cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new AlluxioException(ErrorType.Internal, $"A block of {File.Path} ended before its end.");
                    }

                    done += read;
                }
            }
            catch (Exception e) when (IsSourceFailure(e, cancellationToken))
            {
                Exclude(reader, e, attempt);
            }
            catch (RpcException e)
            {
                throw Surface(e, cancellationToken);
            }
        }

        return done;
    }

    private async ValueTask FailOverAsync(IBlockReader reader, Exception failure, int attempt)
    {
        Exclude(reader, failure, attempt);
        await CloseReaderAsync().ConfigureAwait(false);
    }

    private void Exclude(IBlockReader reader, Exception failure, int attempt)
    {
        // Each failure excludes one worker, so the attempts are bounded by the workers there are.
        if (attempt > 64)
        {
            throw Surface(failure);
        }

        _failedWorkers.Add(reader.WorkerId);
    }

    private async ValueTask CloseReaderAsync()
    {
        if (_reader is { } reader)
        {
            _reader = null;
            _readerPosition = -1;
            _readerBlock = -1;
            await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Whether another source may succeed where this one failed.</summary>
    private static bool IsSourceFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            RpcException rpc => AlluxioStatus.FindErrorType(rpc.Trailers) is not { } type
                ? rpc.StatusCode is not (StatusCode.Cancelled or StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated)
                : type is ErrorType.Unavailable or ErrorType.FileDoesNotExist or ErrorType.Internal or ErrorType.ResourceExhausted,
            IOException => true,
            _ => false,
        };

    private Exception Surface(Exception failure, CancellationToken cancellationToken = default) =>
        failure switch
        {
            RpcException { StatusCode: StatusCode.Cancelled } when cancellationToken.IsCancellationRequested =>
                new OperationCanceledException($"The read of {File.Path} was canceled.", failure, cancellationToken),
            RpcException rpc => AlluxioStatus.ToAlluxioException(rpc, File.Path),
            _ => failure,
        };
}
