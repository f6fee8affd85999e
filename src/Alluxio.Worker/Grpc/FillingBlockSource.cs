using Alluxio.Worker.Ufs;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Worker.Grpc;

/// <summary>A block being filled from the UFS, read from its temporary file up to what is filled, waiting for more.</summary>
internal sealed class FillingBlockSource(BlockFill fill, SafeFileHandle file) : IBlockSource
{
    public long Length => fill.Length;

    public async ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var filled = fill.Filled;
            if (position < filled)
            {
                var readable = (int)Math.Min(buffer.Length, filled - position);
                return await RandomAccess.ReadAsync(file, buffer[..readable], position, cancellationToken).ConfigureAwait(false);
            }

            if (position >= Length)
            {
                return 0;
            }

            await fill.WaitBeyondAsync(position, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        file.Dispose();
        return ValueTask.CompletedTask;
    }
}
