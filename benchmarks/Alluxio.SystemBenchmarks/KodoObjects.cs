using Kodo.Client;

namespace Alluxio.SystemBenchmarks;

/// <summary>Kodo.Client used directly on the emulator: the reference side of the Kodo scenarios.</summary>
internal static class KodoObjects
{
    /// <summary>
    /// Uploads <paramref name="content"/> as <paramref name="key"/> through Kodo.Client's upload stream with its
    /// defaults (the multipart threshold, part size and parts in flight that the Kodo UFS uses unless configured);
    /// returns the bytes sent once the object exists.
    /// </summary>
    public static async Task<long> UploadAsync(KodoClient kodo, string key, SeededContent content, CancellationToken cancellationToken)
    {
        await using var upload = kodo.OpenWrite(key);
        await content.WriteToAsync(upload, cancellationToken);
        await upload.CompleteAsync(cancellationToken);
        return upload.Position;
    }

    /// <summary>
    /// Downloads <paramref name="length"/> bytes of <paramref name="key"/> as ranged GETs of
    /// <paramref name="rangeBytes"/> one after another (as a worker fills block after block), into one buffer.
    /// </summary>
    public static async Task<long> DownloadAsync(
        KodoClient kodo, string key, long length, long rangeBytes, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0L;
        for (var offset = 0L; offset < length; offset += rangeBytes)
        {
            await using var range = await kodo.OpenReadAsync(key, offset, Math.Min(rangeBytes, length - offset), cancellationToken);
            total += await Reads.ToEndAsync(range, buffer, cancellationToken);
        }

        return total;
    }

    /// <summary>Puts a one-byte object under each of <paramref name="keys"/>, 32 at a time: a large listing to read.</summary>
    public static Task PutOneByteObjectsAsync(KodoClient kodo, IEnumerable<string> keys, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (key, ct) => await kodo.PutAsync(key, "x"u8.ToArray(), ct));
}
