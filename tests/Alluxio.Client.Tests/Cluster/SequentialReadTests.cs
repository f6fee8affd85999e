using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Client.Tests.Cluster;

/// <summary>
/// Sequential reads of a cached file: the next block's lease taken ahead while a block is read, dropped when the
/// reader seeks elsewhere; and a caller's token honoured at every chunk of a streamed block, not only the first's.
/// </summary>
public sealed class SequentialReadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShortCircuitReadsStayExactWhenSeeksLeaveABlockOpenedAhead()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.OneMegabyteBlocks(), cancellationToken: Token);
        var fs = cluster.Connect("alluxio.user.short.circuit.enabled=true");
        var content = TestContent.Bytes(ClusterFiles.FileLength, seed: 11);
        await ClusterFiles.WriteAsync(fs, "/seq/file", content, WritePType.MustCache, Token);

        await using var stream = await fs.OpenFileAsync("/seq/file", cancellationToken: Token);
        var block = new byte[ClusterFiles.BlockSize];

        // Block 0 read through: block 1 is opened ahead. Seeking to block 2 leaves it unused; then back to block 1.
        foreach (var index in new[] { 0, 2, 1, 3, 0 })
        {
            stream.Position = (long)index * ClusterFiles.BlockSize;
            var wanted = (int)Math.Min(block.Length, content.Length - stream.Position);
            await stream.ReadExactlyAsync(block.AsMemory(0, wanted), Token);
            ClusterFiles.AssertSameBytes(content.AsMemory((int)((long)index * ClusterFiles.BlockSize), wanted), block.AsMemory(0, wanted), $"block {index}");
        }

        // And straight through from the start, taking every block's lease ahead.
        stream.Position = 0;
        ClusterFiles.AssertSameBytes(content, await ClusterFiles.ReadToEndAsync(stream, Token), "the whole file after the seeks");
    }

    [Fact]
    public async Task ACancelledTokenEndsAStreamedReadAtTheNextChunkAndTheNextReadGoesOnFromThere()
    {
        await using var cluster = await TestCluster.StartAsync(ClusterFiles.OneMegabyteBlocks(), cancellationToken: Token);
        var fs = cluster.Connect(ClusterFiles.ShortCircuitOff, "alluxio.user.network.reader.chunk.size.bytes=64KB");
        var content = TestContent.Bytes(ClusterFiles.BlockSize, seed: 12);
        await ClusterFiles.WriteAsync(fs, "/seq/streamed", content, WritePType.MustCache, Token);

        await using var stream = await fs.OpenFileAsync("/seq/streamed", cancellationToken: Token);
        var chunk = new byte[64 * 1024];
        await stream.ReadExactlyAsync(chunk, Token);

        // The first chunk was read with the test's token; the next needs a new chunk, and this token is cancelled.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadExactlyAsync(chunk, cancelled.Token));

        // A read that timed out (a FUSE request past its deadline) must not leave the handle unusable: the same
        // position, asked again with a live token, reads the right bytes.
        var rest = new byte[content.Length - chunk.Length];
        await stream.ReadExactlyAsync(rest, Token);
        ClusterFiles.AssertSameBytes(content.AsMemory(chunk.Length), rest, "the bytes after the cancelled read");
    }
}
