using System.Buffers;
using System.Runtime.ExceptionServices;
using Kodo.Client.Json;

namespace Kodo.Client;

/// <summary>
/// A write-only stream that creates one object. Up to <see cref="KodoClientOptions.MultipartThreshold"/> bytes
/// stay in a pooled buffer and go up in one form upload when the stream completes; past it a v2 multipart upload
/// starts and each <see cref="KodoClientOptions.PartSize"/> part leaves from its own pooled buffer while the caller
/// keeps writing, at most <see cref="KodoClientOptions.PartConcurrency"/> at a time (the writer waits for a free
/// slot, which bounds memory). There is no temporary file and nothing is read back.
/// </summary>
/// <remarks>
/// <para>
/// Unlike Alluxio's KodoOutputStream (defect K3), every failure surfaces: from the next <see cref="Write(byte[], int, int)"/>
/// or <see cref="Flush"/>, from <see cref="CompleteAsync"/>, or from <see cref="DisposeAsync"/> when nothing
/// reported it before. A failed multipart upload is aborted. The object appears only when the stream completes;
/// a stream dropped without being disposed creates nothing (its parts expire on the server).
/// </para>
/// <para>Like other streams, an instance must not be used from several threads at once.</para>
/// </remarks>
public sealed class KodoUploadStream : Stream
{
    /// <summary>The first buffer of a small object; it doubles as the object grows, up to the threshold.</summary>
    private const int InitialBufferSize = 64 * 1024;

    private readonly KodoClient _client;
    private readonly string _key;
    private readonly int _threshold;
    private readonly int _partSize;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Task<CompletedPart>> _parts = [];
    private byte[]? _buffer;
    private int _fill;
    private long _length;
    private Task<string>? _uploadId;
    private int _nextPartNumber = 1;
    private Exception? _failure;
    private bool _failureReported;
    private bool _aborted;
    private UploadState _state;
    private KodoPutResult? _result;

    internal KodoUploadStream(KodoClient client, string key)
    {
        _client = client;
        _key = key;
        _threshold = client.Options.MultipartThreshold;
        _partSize = client.Options.PartSize;
        _slots = new SemaphoreSlim(client.Options.PartConcurrency, client.Options.PartConcurrency);
    }

    private enum UploadState
    {
        Open,
        Completing,
        Completed,
        Failed,
        Disposed,
    }

    /// <summary>The key this stream creates.</summary>
    public string Key => _key;

    /// <summary>The result, once the stream completed.</summary>
    public KodoPutResult? Result => _result;

    /// <summary>True once the object grew past the threshold and a multipart upload started.</summary>
    public bool IsMultipart => _uploadId is not null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => _state == UploadState.Open;

    /// <summary>Not supported: the stream is write-only and not seekable.</summary>
    public override long Length => throw new NotSupportedException();

    /// <summary>The number of bytes written so far; it cannot be set.</summary>
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Buffers the bytes; past the threshold it may wait for a free part slot.</summary>
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        WriteCoreAsync(buffer.AsMemory(offset, count), sync: true, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteCoreAsync(buffer.AsMemory(offset, count), sync: false, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(WriteCoreAsync(buffer, sync: false, cancellationToken));

    /// <summary>Uploads nothing (Kodo has no partial objects) but throws any failure of a part already in flight.</summary>
    public override void Flush() => ThrowIfUnusable();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Finishes the object: form-uploads a small one, or sends the last part and completes the multipart upload
    /// with its parts in ascending order. On failure the multipart upload is aborted and the error thrown.
    /// </summary>
    public async Task<KodoPutResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_result is not null)
        {
            return _result;
        }

        ThrowIfUnusable();
        _state = UploadState.Completing;
        try
        {
            KodoPutResult result;
            if (_uploadId is null)
            {
                result = await _client.PutAsync(_key, _buffer.AsMemory(0, _fill), cancellationToken).ConfigureAwait(false);
                ReturnBuffer();
            }
            else
            {
                if (_fill > 0)
                {
                    await DispatchPartAsync(sync: false, cancellationToken).ConfigureAwait(false);
                }

                var parts = await AwaitPartsAsync().ConfigureAwait(false);
                var uploadId = await _uploadId.ConfigureAwait(false);
                result = await _client.CompleteMultipartAsync(_key, uploadId, parts, cancellationToken).ConfigureAwait(false);
            }

            _result = result;
            _state = UploadState.Completed;
            return result;
        }
        catch (Exception e)
        {
            _state = UploadState.Failed;
            _failure ??= e;
            _failureReported = true;
            await AbortUploadAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Completes the object unless that already happened or failed; throws a failure nobody has seen yet, so an
    /// upload never fails silently.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Blocks on <see cref="DisposeAsync"/>; prefer that one.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _state != UploadState.Disposed)
        {
            DisposeCoreAsync().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private async Task DisposeCoreAsync()
    {
        if (_state == UploadState.Disposed)
        {
            return;
        }

        try
        {
            if (_state == UploadState.Open && _failure is null)
            {
                await CompleteAsync().ConfigureAwait(false);
                return;
            }

            await AbortUploadAsync(CancellationToken.None).ConfigureAwait(false);
            if (_failure is not null && !_failureReported)
            {
                _failureReported = true;
                throw Surface(_failure);
            }
        }
        finally
        {
            _state = UploadState.Disposed;
            ReturnBuffer();
            _abort.Dispose();
        }
    }

    /// <summary>
    /// Buffers <paramref name="data"/>. Any exception, a cancelled wait for a part slot included, fails the whole
    /// upload: how much of the data was taken is then unknown, and a gap must never become part of an object.
    /// </summary>
    private async Task WriteCoreAsync(ReadOnlyMemory<byte> data, bool sync, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await WriteBufferedAsync(data, sync, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fail(e);
            _failureReported = true;
            throw;
        }
    }

    private async Task WriteBufferedAsync(ReadOnlyMemory<byte> data, bool sync, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            if (_uploadId is null)
            {
                if (_length + data.Length <= _threshold)
                {
                    EnsureCapacity(_fill + data.Length);
                    data.Span.CopyTo(_buffer.AsSpan(_fill));
                    _fill += data.Length;
                    _length += data.Length;
                    return;
                }

                await StartMultipartAsync(sync, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _buffer ??= ArrayPool<byte>.Shared.Rent(_partSize);
            var take = Math.Min(data.Length, _partSize - _fill);
            data.Span[..take].CopyTo(_buffer.AsSpan(_fill));
            _fill += take;
            _length += take;
            data = data[take..];
            if (_fill == _partSize)
            {
                await DispatchPartAsync(sync, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts the multipart upload and turns what is buffered so far into the first part(s).</summary>
    private async Task StartMultipartAsync(bool sync, CancellationToken cancellationToken)
    {
        // Not cancelled by an abort: an initiation cut off in flight may still open an upload on the server that
        // nobody aborts; once it answers, the abort closes it.
        _uploadId = Task.Run(() => _client.InitiateMultipartAsync(_key, CancellationToken.None), CancellationToken.None);
        var buffered = _buffer;
        var count = _fill;
        _buffer = null;
        _fill = 0;
        try
        {
            for (var offset = 0; offset < count;)
            {
                _buffer = ArrayPool<byte>.Shared.Rent(_partSize);
                var take = Math.Min(count - offset, _partSize);
                buffered.AsSpan(offset, take).CopyTo(_buffer);
                _fill = take;
                offset += take;
                if (_fill == _partSize)
                {
                    await DispatchPartAsync(sync, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (buffered is not null)
            {
                ArrayPool<byte>.Shared.Return(buffered);
            }
        }
    }

    /// <summary>Hands the current buffer to a background part upload once a slot is free.</summary>
    private async Task DispatchPartAsync(bool sync, CancellationToken cancellationToken)
    {
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token))
        {
            try
            {
                if (sync)
                {
                    _slots.Wait(wait.Token);
                }
                else
                {
                    await _slots.WaitAsync(wait.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _failure is not null)
            {
                ThrowIfUnusable();
            }
        }

        var buffer = _buffer!;
        var length = _fill;
        var number = _nextPartNumber++;
        _buffer = null;
        _fill = 0;
        _parts.Add(Task.Run(() => UploadPartAsync(number, buffer, length)));
    }

    private async Task<CompletedPart> UploadPartAsync(int number, byte[] buffer, int length)
    {
        try
        {
            var uploadId = await _uploadId!.ConfigureAwait(false);
            var etag = await _client.UploadPartAsync(_key, uploadId, number, buffer.AsMemory(0, length), _abort.Token).ConfigureAwait(false);
            return new CompletedPart { Etag = etag, PartNumber = number, Size = length };
        }
        catch (Exception e)
        {
            Fail(e);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _slots.Release();
        }
    }

    private async Task<List<CompletedPart>> AwaitPartsAsync()
    {
        try
        {
            var parts = await Task.WhenAll(_parts).ConfigureAwait(false);
            return [.. parts.OrderBy(p => p.PartNumber)];
        }
        catch (Exception) when (_failure is not null)
        {
            // Later parts fail with cancellation once the first failure aborted them; report that first one.
            throw Surface(_failure);
        }
    }

    private void Fail(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _failure, exception, null) is null)
        {
            Log.UploadAborting(_client.Logger, _key, exception);
            try
            {
                _abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>
    /// Abandons the object: nothing is created. A small object's buffer is dropped without a request; a started
    /// multipart upload is aborted after the parts in flight settle. The stream is closed afterwards, so a dispose
    /// commits nothing. A failure to abort is only logged: the upload's parts expire on the server anyway.
    /// </summary>
    /// <exception cref="InvalidOperationException">The object was already completed.</exception>
    public async Task AbortAsync(CancellationToken cancellationToken = default)
    {
        if (_state == UploadState.Disposed)
        {
            return;
        }

        if (_state == UploadState.Completed)
        {
            throw new InvalidOperationException($"The upload of '{_key}' is already complete.");
        }

        _state = UploadState.Failed;
        Interlocked.CompareExchange(ref _failure, new OperationCanceledException($"The upload of '{_key}' was abandoned."), null);
        _failureReported = true;
        try
        {
            await AbortUploadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _state = UploadState.Disposed;
            ReturnBuffer();
            _abort.Dispose();
        }
    }

    /// <summary>Aborts a started multipart upload once; a failure to abort is only logged, the upload expires anyway.</summary>
    private async Task AbortUploadAsync(CancellationToken cancellationToken)
    {
        if (_aborted || _uploadId is null || _state == UploadState.Completed)
        {
            return;
        }

        _aborted = true;
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            // Let parts in flight settle first so none lands after the abort.
            await Task.WhenAll(_parts).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Their failures are already recorded (or are the cancellation the abort caused).
        }

        try
        {
            var uploadId = await _uploadId.ConfigureAwait(false);
            await _client.AbortMultipartAsync(_key, uploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.AbortFailed(_client.Logger, _key, e);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_state == UploadState.Disposed, this);
        if (_failure is { } failure)
        {
            _failureReported = true;
            throw Surface(failure);
        }

        if (_state != UploadState.Open)
        {
            throw _state == UploadState.Completed
                ? new InvalidOperationException($"The upload of '{_key}' is already complete.")
                : new ObjectDisposedException(nameof(KodoUploadStream));
        }
    }

    /// <summary>The exception to throw for a recorded failure: Kodo's own as it was, anything else wrapped.</summary>
    private KodoException Surface(Exception failure)
    {
        if (failure is KodoException)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return failure is OperationCanceledException
            ? new KodoException($"Kodo upload of '{_key}' was cancelled.", failure)
            : new KodoException($"Kodo upload of '{_key}' failed: {failure.Message}", failure);
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer is not null && _buffer.Length >= needed)
        {
            return;
        }

        var size = Math.Max(needed, Math.Min(_threshold, Math.Max(InitialBufferSize, (_buffer?.Length ?? 0) * 2)));
        var grown = ArrayPool<byte>.Shared.Rent(size);
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _fill).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _fill = 0;
        }
    }
}
