using System.Buffers;

namespace Alluxio.Cli.Commands.Fs.Data;

/// <summary>Copies a stream through one pooled buffer, so no file is ever held in memory whole.</summary>
internal static class StreamCopy
{
    /// <summary>Alluxio's buffer for copies into Alluxio and for reads: 8MB.</summary>
    public const int DefaultBufferSize = 8 << 20;

    /// <summary>Copies the rest of <paramref name="source"/>; <paramref name="copied"/> hears of each chunk's length. Returns the bytes copied.</summary>
    public static async Task<long> CopyAsync(
        Stream source, Stream destination, int bufferSize, Action<long>? copied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        long total = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                copied?.Invoke(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total;
    }
}
