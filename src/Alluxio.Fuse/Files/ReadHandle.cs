using Alluxio.Client.Data;

namespace Alluxio.Fuse.Files;

/// <summary>
/// A file open for reading. Reads in order go through the stream's sequential reader, which keeps one block reader
/// open; a read that arrives while another is running (the kernel's read-ahead runs in parallel) is a positioned
/// read, so no read waits for another.
/// </summary>
internal sealed class ReadHandle(FileInStream stream) : IAsyncDisposable
{
    private readonly SemaphoreSlim _sequential = new(1, 1);

    public long Length => stream.Length;

    public async ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (offset >= stream.Length)
        {
            return 0;
        }

        if (!_sequential.Wait(0, CancellationToken.None))
        {
            return await stream.ReadAtAsync(offset, destination, cancellationToken).ConfigureAwait(false);
        }

        try
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
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _sequential.Release();
        }
    }
}
