using Alluxio.Client;
using Alluxio.Client.Data;
using Alluxio.Client.Options;

namespace Alluxio.Server.Proxy.S3;

/// <summary>The parts of a multipart upload read one after another as one forward-only stream, one part open at a time.</summary>
internal sealed class ConcatenatedParts(FileSystem fileSystem, IReadOnlyList<string> paths, CancellationToken cancellationToken) : Stream
{
    private int _next;
    private FileInStream? _current;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("The parts are read forward only.");

    public override long Position
    {
        get => throw new NotSupportedException("The parts are read forward only.");
        set => throw new NotSupportedException("The parts are read forward only.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next == paths.Count)
                {
                    return 0;
                }

                _current = await fileSystem.OpenFileAsync(paths[_next++], OpenFileOptions.Default, cancellationToken).ConfigureAwait(false);
            }

            var read = await _current.ReadAsync(buffer, token).ConfigureAwait(false);
            if (read > 0)
            {
                return read;
            }

            await _current.DisposeAsync().ConfigureAwait(false);
            _current = null;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The parts are read forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("The parts are read only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The parts are read only.");

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync().ConfigureAwait(false);
            _current = null;
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _current = null;
        }

        base.Dispose(disposing);
    }
}
