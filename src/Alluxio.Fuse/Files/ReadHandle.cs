using Alluxio.Client.Data;

namespace Alluxio.Fuse.Files;

/// <summary>
/// A file open for reading, one read at a time (the stream is not thread-safe): a read where the last ended goes
/// on with the stream's block reader, any other moves it there first.
/// </summary>
internal sealed class ReadHandle(FileInStream stream) : IAsyncDisposable
{
    private readonly SemaphoreSlim _sequential = new(1, 1);

    public async ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (offset >= stream.Length)
        {
            return 0;
        }

        await _sequential.WaitAsync(cancellationToken).ConfigureAwait(false);
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
