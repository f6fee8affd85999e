using System.Collections.Concurrent;

namespace Kodo.Emulator.Storage;

/// <summary>Blobs in memory, for an emulator started without a data folder.</summary>
internal sealed class MemoryBlobStorage : IBlobStorage
{
    private readonly ConcurrentDictionary<string, byte[]> _sealed = new();
    private readonly ConcurrentDictionary<string, MemoryStream> _open = new();

    public Stream Create(out string blobId)
    {
        blobId = Guid.NewGuid().ToString("N");
        var stream = new MemoryStream();
        _open[blobId] = stream;
        return new NonClosingStream(stream);
    }

    public void Seal(string blobId, bool flushToDisk)
    {
        if (_open.TryRemove(blobId, out var stream))
        {
            _sealed[blobId] = stream.ToArray();
        }
    }

    public Stream OpenRead(string blobId) => new MemoryStream(Content(blobId), writable: false);

    public string? GetFilePath(string blobId) => null;

    public string Copy(string blobId)
    {
        // Contents never change once sealed, so a copy can share the array.
        var copy = Guid.NewGuid().ToString("N");
        _sealed[copy] = Content(blobId);
        return copy;
    }

    public void Delete(string blobId)
    {
        _sealed.TryRemove(blobId, out _);
        _open.TryRemove(blobId, out _);
    }

    private byte[] Content(string blobId) =>
        _sealed.TryGetValue(blobId, out var content) ? content : throw new FileNotFoundException("No such blob.", blobId);

    /// <summary>Lets writers dispose their stream while the content stays until sealed.</summary>
    private sealed class NonClosingStream(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            inner.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
