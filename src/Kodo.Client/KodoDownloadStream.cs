using System.Runtime.CompilerServices;

namespace Kodo.Client;

/// <summary>
/// A read-only stream over a range of an object. When the connection drops or stalls mid-body, the next read
/// re-requests the rest from the current offset (up to <see cref="KodoClientOptions.MaxRetries"/> times in a row
/// without progress), so a reset is not an error to the reader; if the object changed meanwhile (another ETag)
/// the read fails instead of mixing two versions. Reading at or past the end returns 0.
/// </summary>
/// <remarks>Like other streams, an instance must not be used from several threads at once.</remarks>
public sealed class KodoDownloadStream : Stream
{
    // The caller's token reaches the per-stream deadline source through a registration, not a linked source, so
    // a read with a token allocates nothing either.
    private static readonly Action<object?> s_cancel = static source => ((CancellationTokenSource)source!).Cancel();

    private readonly KodoClient _client;
    private readonly string _key;
    private readonly long _end;
    private readonly string? _etag;
    private long _position;
    private RangeResponse? _current;
    private long _skip;
    private int _failures;
    private bool _disposed;
    private CancellationTokenSource? _deadline;

    internal KodoDownloadStream(KodoClient client, string key, long position, long end, string? etag)
    {
        _client = client;
        _key = key;
        _position = position;
        _end = end;
        _etag = etag;
    }

    /// <summary>The key being read.</summary>
    public string Key => _key;

    /// <summary>The offset just past the last byte this stream returns.</summary>
    public long EndOffset => _end;

    /// <summary>The bytes left to read.</summary>
    public long Remaining => _end - _position;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>Not supported: the stream is not seekable; see <see cref="EndOffset"/> and <see cref="Remaining"/>.</summary>
    public override long Length => throw new NotSupportedException();

    /// <summary>The object offset of the next byte read; it cannot be set.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Blocks on <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>; prefer that one.</summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadCoreAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadCoreAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, cancellationToken);

    internal void Attach(RangeResponse response)
    {
        _current = response;
        _skip = response.Skip;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _current?.Dispose();
            _current = null;
            Interlocked.Exchange(ref _deadline, null)?.Dispose();
        }

        base.Dispose(disposing);
    }

    // Pooled so that a read completing asynchronously does not allocate a state machine box per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= _end)
        {
            return 0;
        }

        if (buffer.Length > _end - _position)
        {
            buffer = buffer[..(int)(_end - _position)];
        }

        var options = _client.Options;
        while (true)
        {
            if (_current is null)
            {
                await ReopenAsync(cancellationToken).ConfigureAwait(false);
            }

            var deadline = RentDeadline(options);
            deadline.CancelAfter(options.RequestTimeout);
            var registration = cancellationToken.UnsafeRegister(s_cancel, deadline);
            try
            {
                var body = _current!.Body!;
                while (_skip > 0)
                {
                    var skipped = await body.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _skip)], deadline.Token).ConfigureAwait(false);
                    _skip -= skipped > 0 ? skipped : throw new IOException("The connection closed before the range began.");
                }

                var read = await body.ReadAsync(buffer, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The connection closed before the range ended.");
                }

                _position += read;
                _failures = 0;
                return read;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or HttpRequestException or OperationCanceledException)
            {
                _current?.Dispose();
                _current = null;
                if (++_failures > options.MaxRetries)
                {
                    // The caller's token is not cancelled (the filter says so): a cancelled source is the deadline.
                    throw deadline.IsCancellationRequested
                        ? KodoException.Timeout("read", _key, options.RequestTimeout, e)
                        : KodoException.Network("read", _key, e);
                }

                Log.ReadReopening(_client.Logger, _key, _position, _failures);
            }
            finally
            {
                // Unregister first: a late cancel by the caller must not hit the source once it serves the next read.
                await registration.DisposeAsync().ConfigureAwait(false);
                ReturnDeadline(deadline);
            }

            await Task.Delay(Backoff(options, _failures), options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The source that bounds one read by <see cref="KodoClientOptions.RequestTimeout"/>: one per stream, reset after
    /// each read, so a read in the steady state allocates none. Taken out of the field while in use, so a
    /// <see cref="Dispose(bool)"/> racing a read never disposes it under the read.
    /// </summary>
    private CancellationTokenSource RentDeadline(KodoClientOptions options) =>
        Interlocked.Exchange(ref _deadline, null) ?? new CancellationTokenSource(Timeout.InfiniteTimeSpan, options.TimeProvider);

    private void ReturnDeadline(CancellationTokenSource deadline)
    {
        // A source that fired (or was cancelled by the caller) cannot be reset; the next read makes a new one.
        if (_disposed || !deadline.TryReset())
        {
            deadline.Dispose();
            return;
        }

        _deadline = deadline;
    }

    private async Task ReopenAsync(CancellationToken cancellationToken)
    {
        var response = await _client.GetRangeAsync(_key, _position, _end, cancellationToken).ConfigureAwait(false);
        if (response.Response is null)
        {
            throw KodoException.Protocol("read", _key, "the object became shorter while being read.");
        }

        if (_etag is not null && response.ETag is not null && !string.Equals(_etag, response.ETag, StringComparison.Ordinal))
        {
            response.Dispose();
            throw KodoException.Protocol("read", _key, "the object was replaced while being read.");
        }

        Attach(response);
    }

    private static TimeSpan Backoff(KodoClientOptions options, int failures)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = exponential < KodoRetry.MaxDelay ? exponential : KodoRetry.MaxDelay;
        return capped * (0.5 + Random.Shared.NextDouble());
    }
}
