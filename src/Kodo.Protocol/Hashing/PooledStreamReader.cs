using System.Buffers;

namespace Kodo.Protocol.Hashing;

/// <summary>
/// Hands the rest of a stream to a hasher in chunks of one pooled buffer, so hashing a large object neither loads
/// it whole nor allocates a buffer per call.
/// </summary>
internal static class PooledStreamReader
{
    private const int BufferSize = 128 * 1024;

    /// <summary>Reads <paramref name="stream"/> to its end, passing each chunk read to <paramref name="append"/>.</summary>
    public static void ReadToEnd(Stream stream, Action<ReadOnlySpan<byte>> append)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end asynchronously, passing each chunk to <paramref name="append"/>.</summary>
    public static async Task ReadToEndAsync(
        Stream stream, Action<ReadOnlySpan<byte>> append, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
