using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Grpc;

namespace Alluxio.SystemBenchmarks;

/// <summary>The timed writes of the data-path scenarios.</summary>
internal static class Writes
{
    /// <summary>
    /// Creates <paramref name="path"/> (a call to the master, not timed) and times writing <paramref name="content"/>
    /// through FileOutStream in buffer-sized writes up to and including the close, which commits the blocks or the
    /// UFS object and completes the file.
    /// </summary>
    public static async Task<Throughput> TimeAsync(
        FileSystem client, string path, SeededContent content, WritePType writeType, long blockBytes, CancellationToken cancellationToken)
    {
        var options = new CreateFileOptions { WriteType = writeType, BlockSizeBytes = blockBytes, Recursive = true };
        var file = await client.CreateFileAsync(path, options, cancellationToken);
        return await Throughput.MeasureAsync(content.Length, async () =>
        {
            await using (file)
            {
                await content.WriteToAsync(file, cancellationToken);
            }

            return file.Length;
        });
    }
}
