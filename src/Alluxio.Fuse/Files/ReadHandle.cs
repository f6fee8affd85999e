using Alluxio.Client.Data;

namespace Alluxio.Fuse.Files;

/// <summary>
/// A file open for reading, one read at a time (the stream is not thread-safe): a read where the last ended goes
/// on with the stream's block reader, any other moves it there first. Once reads of a streamed (not short-circuit)
/// file run in sequence, a <see cref="ReadAhead"/> takes the stream over until a read it cannot serve.
/// </summary>
/// <param name="readWriteOwner">
/// For a complete file opened O_RDWR, the process that opened it: truncating the handle to 0 turns it into a writer
/// of the file's replacement, owned by that process. Null when opened for reading only.
/// </param>
internal sealed class ReadHandle(FileInStream stream, int? readWriteOwner = null) : IAsyncDisposable
{
    /// <summary>Reads in sequence, a first read at 0 included, before reading ahead starts: one alone says little.</summary>
    private const int SequentialReadsBeforeReadAhead = 2;

    private readonly SemaphoreSlim _sequential = new(1, 1);
    private ReadAhead? _readAhead;
    private long _lastEnd;
    private int _sequentialReads;
    private int _claimedForWriting;

    public int? ReadWriteOwner => readWriteOwner;

    /// <summary>True for the one caller that turns this handle into a writer; false for every later one.</summary>
    public bool ClaimForWriting() => Interlocked.Exchange(ref _claimedForWriting, 1) == 0;

    /// <summary>Whether reads are being served from chunks read ahead.</summary>
    public bool ReadsAhead => _readAhead is not null;

    public async ValueTask<FuseRead> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (offset >= stream.Length)
        {
            return default;
        }

        await _sequential.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_readAhead is { } ahead)
            {
                var served = await ahead.TryReadAsync(offset, destination, cancellationToken).ConfigureAwait(false);
                if (served >= 0)
                {
                    _lastEnd = offset + served;
                    return new FuseRead(served);
                }

                _readAhead = null;
                _sequentialReads = 0;
                await ahead.DisposeAsync().ConfigureAwait(false);
            }

            var read = await ReadStreamAsync(offset, destination, cancellationToken).ConfigureAwait(false);
            // The kernel's concurrent requests may arrive swapped: near where the last ended is in sequence.
            _sequentialReads = Math.Abs(offset - _lastEnd) <= ReadAhead.ChunkBytes ? _sequentialReads + 1 : 0;
            _lastEnd = offset + read.Count;
            if (_sequentialReads >= SequentialReadsBeforeReadAhead && _lastEnd < stream.Length && !stream.ReadsLocally)
            {
                _readAhead = ReadAhead.Start(stream, _lastEnd);
            }

            return read;
        }
        finally
        {
            _sequential.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sequential.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_readAhead is { } ahead)
            {
                _readAhead = null;
                await ahead.DisposeAsync().ConfigureAwait(false);
            }

            await stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _sequential.Release();
        }
    }

    /// <summary>
    /// Reads from the stream itself. Bytes in a local block file are handed over as a range of it, not copied, unless
    /// the read runs on into the next block: then the first part is copied and the rest read on.
    /// </summary>
    private async ValueTask<FuseRead> ReadStreamAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (stream.Position != offset)
        {
            stream.Position = offset;
        }

        var wanted = (int)Math.Min(destination.Length, stream.Length - offset);
        var total = 0;
        if (await stream.TakeLocalRangeAsync(wanted, cancellationToken).ConfigureAwait(false) is { } range)
        {
            if (range.Length == wanted)
            {
                return new FuseRead(wanted, range);
            }

            total = CopyOut(range, destination.Span);
        }

        total += await stream.ReadAtLeastAsync(destination[total..wanted], wanted - total, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return new FuseRead(total);
    }

    private static int CopyOut(LocalFileRange range, Span<byte> destination)
    {
        try
        {
            return range.CopyTo(destination);
        }
        finally
        {
            range.Release();
        }
    }
}
