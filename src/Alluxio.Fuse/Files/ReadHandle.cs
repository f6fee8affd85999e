using Alluxio.Client.Data;

namespace Alluxio.Fuse.Files;

/// <summary>
/// A file open for reading, one read at a time (the stream is not thread-safe): a read where the last ended goes
/// on with the stream's block reader, any other moves it there first. Once reads of a streamed (not short-circuit)
/// file run in sequence, a <see cref="ReadAhead"/> takes the stream over until a read it cannot serve.
/// </summary>
internal sealed class ReadHandle(FileInStream stream) : IAsyncDisposable
{
    /// <summary>Reads in sequence, a first read at 0 included, before reading ahead starts: one alone says little.</summary>
    private const int SequentialReadsBeforeReadAhead = 2;

    private readonly SemaphoreSlim _sequential = new(1, 1);
    private ReadAhead? _readAhead;
    private long _lastEnd;
    private int _sequentialReads;

    /// <summary>Whether reads are being served from chunks read ahead.</summary>
    public bool ReadsAhead => _readAhead is not null;

    public async ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (offset >= stream.Length)
        {
            return 0;
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
                    return served;
                }

                _readAhead = null;
                _sequentialReads = 0;
                await ahead.DisposeAsync().ConfigureAwait(false);
            }

            var total = await ReadStreamAsync(offset, destination, cancellationToken).ConfigureAwait(false);
            _sequentialReads = offset == _lastEnd ? _sequentialReads + 1 : 0;
            _lastEnd = offset + total;
            if (_sequentialReads >= SequentialReadsBeforeReadAhead && _lastEnd < stream.Length && !stream.ReadsLocally)
            {
                _readAhead = ReadAhead.Start(stream, _lastEnd);
            }

            return total;
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

    private async ValueTask<int> ReadStreamAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (stream.Position != offset)
        {
            stream.Position = offset;
        }

        var total = 0;
        while (total < destination.Length)
        {
            var read = await stream.ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
