using System.Buffers;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Storage;

namespace Kodo.Emulator.Http;

/// <summary>Sends a range of an object's bytes as a response body, for the native download API and the S3 face alike.</summary>
internal static class ObjectBody
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Sends <paramref name="length"/> bytes of <paramref name="info"/> from <paramref name="offset"/>, at most
    /// <paramref name="throttle"/>'s rate, stopping once <paramref name="stopAt"/> bytes are sent.
    /// </summary>
    public static async Task SendAsync(
        HttpResponse response, IBlobStorage blobs, ObjectInfo info, long offset, long length, Throttle throttle, long stopAt, CancellationToken cancellationToken)
    {
        // The common case goes straight from the files to the socket; a cap or a cut needs the bytes in hand.
        var zeroCopy = stopAt >= length && ReferenceEquals(throttle, Throttle.None);
        var sent = 0L;
        foreach (var range in info.Ranges(offset, length))
        {
            if (zeroCopy && blobs.GetFilePath(range.BlobId) is { } path)
            {
                await response.SendFileAsync(path, range.Offset, range.Length, cancellationToken);
                sent += range.Length;
                continue;
            }

            sent = await CopyRangeAsync(response, blobs, range, sent, stopAt, throttle, cancellationToken);
            if (sent >= stopAt)
            {
                break;
            }
        }
    }

    private static async Task<long> CopyRangeAsync(
        HttpResponse response, IBlobStorage blobs, ContentRange range, long sent, long stopAt, Throttle throttle, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var source = blobs.OpenRead(range.BlobId);
            source.Seek(range.Offset, SeekOrigin.Begin);
            var left = range.Length;
            while (left > 0 && sent < stopAt)
            {
                var want = (int)Math.Min(Math.Min(BufferSize, left), stopAt - sent);
                var read = await source.ReadAsync(buffer.AsMemory(0, want), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await throttle.WaitAsync(read, cancellationToken);
                sent += read;
                left -= read;
            }

            return sent;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
