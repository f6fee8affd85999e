using System.Text.Json;
using Alluxio.Client.Data;
using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>What the cluster tests share: 1MB blocks, writing and reading whole files, where the bytes are, and waits.</summary>
internal static class ClusterFiles
{
    public const int BlockSize = TestContent.MiB;

    /// <summary>Three whole blocks and a half one.</summary>
    public const int FileLength = (3 * BlockSize) + (BlockSize / 2);

    public const string ShortCircuitOff = "alluxio.user.short.circuit.enabled=false";

    public const string AlwaysSync = "alluxio.user.file.metadata.sync.interval=0";

    private const string BlockSizeProperty = "alluxio.user.block.size.bytes.default=1MB";

    /// <summary>An odd buffer, so that whole-file reads end mid-buffer at block boundaries.</summary>
    private const int ReadBuffer = 100_003;

    /// <summary>A master whose clients and workers use 1MB blocks, over its local root UFS.</summary>
    public static MasterProcessOptions OneMegabyteBlocks() => new() { SiteProperties = BlockSizeProperty + "\n" };

    /// <summary>A master with 1MB blocks whose root is kodo://bucket/root/ on <paramref name="emulator"/>.</summary>
    public static MasterProcessOptions KodoRoot(KodoEmulatorFixture emulator) =>
        new() { SiteProperties = TestKodo.RootMountSiteProperties(emulator, "root") + BlockSizeProperty + "\n" };

    /// <summary>The key of Alluxio path <paramref name="path"/> in the bucket under <see cref="KodoRoot"/>.</summary>
    public static string KodoKey(string path) => "root" + path;

    public static async Task WriteAsync(FileSystem fileSystem, string path, byte[] content, WritePType writeType, CancellationToken cancellationToken)
    {
        var stream = await fileSystem.CreateFileAsync(path, new CreateFileOptions { WriteType = writeType, Recursive = true }, cancellationToken);
        await using (stream)
        {
            await stream.WriteAsync(content, cancellationToken);
        }
    }

    public static async Task<byte[]> ReadAllAsync(FileSystem fileSystem, string path, ReadType readType, CancellationToken cancellationToken)
    {
        await using var stream = await fileSystem.OpenFileAsync(path, new OpenFileOptions { ReadType = readType }, cancellationToken);
        return await ReadToEndAsync(stream, cancellationToken);
    }

    public static async Task<byte[]> ReadToEndAsync(FileInStream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ReadBuffer, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>Equal bytes, or a failure that says where they first differ rather than printing megabytes.</summary>
    public static void AssertSameBytes(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual, string what)
    {
        var differs = expected.Span.CommonPrefixLength(actual.Span);
        Assert.True(
            differs == expected.Length && expected.Length == actual.Length,
            $"{what}: {actual.Length} bytes where {expected.Length} were expected, the first difference at byte {differs}.");
    }

    public static async Task<int> InAlluxioAsync(FileSystem fileSystem, string path, CancellationToken cancellationToken) =>
        (await fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken)).InAlluxioPercentage;

    /// <summary>Waits until the master counts <paramref name="percentage"/>% of the file in Alluxio: workers report commits after the bytes.</summary>
    public static Task WaitForInAlluxioAsync(FileSystem fileSystem, string path, int percentage, CancellationToken cancellationToken) =>
        TestCluster.WaitUntilAsync(
            async token => await InAlluxioAsync(fileSystem, path, token) == percentage, $"{path} to be {percentage}% in Alluxio", cancellationToken);

    /// <summary>The blocks a worker holds, as its web port reports them.</summary>
    public static Task<long> BlockCountAsync(WorkerProcess worker, CancellationToken cancellationToken) =>
        WorkerFigureAsync(worker, "blockCount", cancellationToken);

    /// <summary>How many files the worker's pin list names, as its web port reports it.</summary>
    public static Task<long> PinnedFileCountAsync(WorkerProcess worker, CancellationToken cancellationToken) =>
        WorkerFigureAsync(worker, "pinnedFileCount", cancellationToken);

    /// <summary>
    /// The ids of the committed blocks in a worker's store folder: what it holds now, while the master learns of
    /// evictions only with the next heartbeat.
    /// </summary>
    public static HashSet<long> BlocksOnDisk(WorkerProcess worker) =>
        [.. Directory.EnumerateFiles(Path.Combine(worker.StoreFolder, "alluxioworker"))
            .Select(f => long.Parse(Path.GetFileName(f), System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task<long> WorkerFigureAsync(WorkerProcess worker, string name, CancellationToken cancellationToken)
    {
        using var info = JsonDocument.Parse(await worker.GetStringAsync("api/v1/worker/info", cancellationToken));
        return info.RootElement.GetProperty(name).GetInt64();
    }

    /// <summary>
    /// Reads across every block boundary of an open file with Seek and Read, and with ReadAtAsync (which must not move
    /// the position), then the last bytes from the end: each range must be the expected bytes.
    /// </summary>
    public static async Task AssertBoundariesAsync(FileInStream stream, byte[] expected, string what, CancellationToken cancellationToken)
    {
        for (var boundary = BlockSize; boundary < expected.Length; boundary += BlockSize)
        {
            stream.Seek(boundary - 7, SeekOrigin.Begin);
            var across = new byte[14];
            stream.ReadExactly(across);
            AssertSameBytes(expected.AsMemory(boundary - 7, 14), across, $"{what}, Seek and Read at {boundary}");

            var at = new byte[10];
            Assert.Equal(10, await stream.ReadAtAsync(boundary - 5, at, cancellationToken));
            AssertSameBytes(expected.AsMemory(boundary - 5, 10), at, $"{what}, ReadAtAsync at {boundary}");
            Assert.Equal(boundary + 7, stream.Position);

            var blockStart = new byte[3];
            Assert.Equal(3, await stream.ReadAtAsync(boundary, blockStart, cancellationToken));
            AssertSameBytes(expected.AsMemory(boundary, 3), blockStart, $"{what}, ReadAtAsync from {boundary}");
        }

        var pastEnd = new byte[10];
        Assert.Equal(5, await stream.ReadAtAsync(expected.Length - 5, pastEnd, cancellationToken));
        AssertSameBytes(expected.AsMemory(expected.Length - 5), pastEnd.AsMemory(0, 5), $"{what}, ReadAtAsync over the end");

        stream.Seek(-100, SeekOrigin.End);
        AssertSameBytes(expected.AsMemory(expected.Length - 100), await ReadToEndAsync(stream, cancellationToken), $"{what}, the last 100 bytes");
    }
}
