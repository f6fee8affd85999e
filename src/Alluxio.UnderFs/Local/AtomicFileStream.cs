namespace Alluxio.UnderFs.Local;

/// <summary>
/// Writes to a temporary file beside the target and renames it into place on dispose, so readers see the whole
/// file or none of it. A failure to write or rename is thrown; the temporary file never outlives the stream.
/// <see cref="AbortAsync"/> deletes it without renaming.
/// </summary>
internal sealed class AtomicFileStream : Stream, IAbortable
{
    /// <summary>Temporary files end in this, and listings leave them out.</summary>
    public const string TemporarySuffix = ".alluxio-tmp";

    private readonly string _target;
    private readonly string _temporary;
    private readonly FileStream _inner;
    private bool _closed;

    public AtomicFileStream(string target)
    {
        _target = target;
        _temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TemporarySuffix}");
        _inner = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_closed;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public async Task AbortAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            File.Delete(_temporary);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            await _inner.FlushAsync().ConfigureAwait(false);
            await _inner.DisposeAsync().ConfigureAwait(false);
            File.Move(_temporary, _target, overwrite: true);
        }
        finally
        {
            File.Delete(_temporary);
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            try
            {
                _inner.Flush(flushToDisk: false);
                _inner.Dispose();
                File.Move(_temporary, _target, overwrite: true);
            }
            finally
            {
                File.Delete(_temporary);
            }
        }

        base.Dispose(disposing);
    }
}
