using System.Buffers;
using Kodo.Emulator.Faults;

namespace Kodo.Emulator.Storage;

/// <summary>
/// A blob being written: bytes stream from the request into storage while their digests are computed. Until an
/// object is committed with it, it is invisible; disposing an uncommitted blob deletes it.
/// </summary>
internal sealed class StagedBlob : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly IBlobStorage _storage;
    private Stream? _stream;
    private bool _kept;
    private bool _durable;

    public StagedBlob(IBlobStorage storage, bool withMd5)
    {
        _storage = storage;
        Digests = new ContentDigests(withMd5);
        _stream = storage.Create(out var blobId);
        BlobId = blobId;
    }

    public string BlobId { get; }

    /// <summary>The bytes the blob holds.</summary>
    public long Size => Digests.Length;

    public ContentDigests Digests { get; }

    /// <summary>Copies <paramref name="source"/> to the end of the blob, at most <paramref name="limit"/> bytes in all.</summary>
    /// <returns>False when the content would exceed the limit.</returns>
    public async Task<bool> AppendAsync(Stream source, long limit, Throttle throttle, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("The blob is sealed.");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                if (Digests.Length + read > limit)
                {
                    return false;
                }

                // Hash while the bytes go to storage: both only read the buffer.
                var write = stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                Digests.Append(buffer.AsSpan(0, read));
                await write;
                await throttle.WaitAsync(read, cancellationToken);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Ends the writing, durably unless <paramref name="durable"/> is false; no more bytes may be appended. A blob
    /// sealed without the flush (an upload's part) is flushed when it is sealed again durably, as it joins an object.
    /// </summary>
    public async Task SealAsync(bool durable = true)
    {
        if (_stream is { } stream)
        {
            await stream.DisposeAsync();
            _stream = null;
            _storage.Seal(BlobId, durable);
            _durable = durable;
        }
        else if (durable && !_durable)
        {
            _storage.Seal(BlobId, flushToDisk: true);
            _durable = true;
        }
    }

    /// <summary>Hands the blob over to a committed object, so disposing no longer deletes it.</summary>
    public void Keep() => _kept = true;

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        Digests.Dispose();
        if (!_kept)
        {
            _storage.Delete(BlobId);
        }
    }
}
