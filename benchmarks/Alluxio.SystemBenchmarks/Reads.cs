using System.Diagnostics;
using System.IO.Hashing;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.SystemBenchmarks;

/// <summary>The timed reads of the data-path scenarios: whole streams read into one buffer, nothing else done with the bytes.</summary>
internal static class Reads
{
    /// <summary>Times a read of a whole Alluxio file; opening (a call to the master) and closing are not timed.</summary>
    public static async Task<Throughput> TimeAsync(
        FileSystem client, string path, ReadCall call, byte[] buffer, CancellationToken cancellationToken, ReadType? readType = null)
    {
        await using var file = await client.OpenFileAsync(path, new OpenFileOptions { ReadType = readType }, cancellationToken);
        return call == ReadCall.Read
            ? Throughput.Measure(file.Length, () => ToEnd(file, buffer))
            : await Throughput.MeasureAsync(file.Length, () => ToEndAsync(file, buffer, cancellationToken));
    }

    /// <summary>Times a read of local files one after another, as plain FileStreams; opening each is timed too.</summary>
    public static async Task<Throughput> TimeFilesAsync(IReadOnlyList<string> files, ReadCall call, byte[] buffer, CancellationToken cancellationToken)
    {
        var bytes = files.Sum(f => new FileInfo(f).Length);
        if (call == ReadCall.Read)
        {
            return Throughput.Measure(bytes, () => files.Sum(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
                return ToEnd(stream, buffer);
            }));
        }

        return await Throughput.MeasureAsync(bytes, async () =>
        {
            var total = 0L;
            foreach (var f in files)
            {
                await using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, useAsync: true);
                total += await ToEndAsync(stream, buffer, cancellationToken);
            }

            return total;
        });
    }

    public static long ToEnd(Stream stream, byte[] buffer)
    {
        var total = 0L;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    public static async Task<long> ToEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0L;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Adds the rest of <paramref name="stream"/> to <paramref name="hash"/>.</summary>
    public static async Task HashAsync(Stream stream, XxHash3 hash, CancellationToken cancellationToken)
    {
        var buffer = new byte[DataPathScale.BufferBytes];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
        }
    }

    /// <summary>Fails unless <paramref name="hash"/> is that of <paramref name="content"/>.</summary>
    public static void Check(XxHash3 hash, SeededContent content, string what)
    {
        if (hash.GetCurrentHashAsUInt64() != content.Hash())
        {
            throw new InvalidOperationException($"{what} does not hold the bytes written.");
        }
    }

    /// <summary>Reads an Alluxio file (untimed: it warms up the path too) and fails unless it holds <paramref name="content"/>.</summary>
    public static async Task VerifyAsync(FileSystem client, string path, SeededContent content, CancellationToken cancellationToken, ReadType? readType = null)
    {
        await using var file = await client.OpenFileAsync(path, new OpenFileOptions { ReadType = readType }, cancellationToken);
        var hash = new XxHash3();
        await HashAsync(file, hash, cancellationToken);
        Check(hash, content, path);
    }

    /// <summary>Waits until the master reports every block of <paramref name="path"/> cached, so that a read is a warm one.</summary>
    public static async Task WaitUntilCachedAsync(FileSystem client, string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        int cached;
        while ((cached = (await client.GetStatusAsync(path, cancellationToken: cancellationToken)).InAlluxioPercentage) < 100)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"{path} is only {cached}% cached 30 s after it was read.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
