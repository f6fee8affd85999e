using Alluxio.Client;
using Alluxio.Errors;
using Alluxio.Fuse.Files;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Fuse.Tests;

/// <summary>
/// A read handle over a real master and worker, read as the kernel reads: 128 KiB requests, in sequence, pairs out of
/// order, and seeks. Reading ahead must start for a streamed file, never change a byte, and never hide a failure; a
/// cached block's bytes are handed over as its file, and reading them allocates nothing.
/// </summary>
public sealed class ReadHandleTests : IAsyncLifetime
{
    private const int Request = 128 * 1024;
    private const int FileLength = (6 * TestContent.MiB) + (TestContent.MiB / 2) + 3;
    private const string ShortCircuitOff = "alluxio.user.short.circuit.enabled=false";

    private static readonly byte[] s_content = TestContent.Bytes(FileLength, seed: 21);

    private TestCluster? _cluster;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static bool Optimized =>
        typeof(ReadHandle).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false) is not [System.Diagnostics.DebuggableAttribute { IsJITOptimizerDisabled: true }];

    private TestCluster Cluster => _cluster!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(
            new MasterProcessOptions { SiteProperties = "alluxio.user.block.size.bytes.default=1MB\n" }, cancellationToken: Token);
        var client = Cluster.Connect();
        await using var stream = await client.CreateFileAsync(
            "/file", new Client.Options.CreateFileOptions { WriteType = WritePType.MustCache }, Token);
        await stream.WriteAsync(s_content, Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task SequentialReadsOfAStreamedFileAreServedAheadAndExact()
    {
        await using var handle = await OpenAsync(ShortCircuitOff);
        var wasAhead = new List<bool>();
        for (long offset = 0; offset < FileLength; offset += Request)
        {
            await AssertReadAsync(handle, offset);
            wasAhead.Add(handle.ReadsAhead);
        }

        Assert.False(wasAhead[0]);
        Assert.All(wasAhead.Skip(1), Assert.True);
    }

    [Fact]
    public async Task RequestsArrivingOutOfOrderAreServedFromTheChunksAhead()
    {
        await using var handle = await OpenAsync(ShortCircuitOff);
        await AssertReadAsync(handle, 0);
        await AssertReadAsync(handle, Request);
        Assert.True(handle.ReadsAhead);

        // The kernel's read-ahead requests run concurrently and may reach the handle in either order, across chunks too.
        long next;
        for (next = 2 * Request; next + Request < FileLength; next += 2 * Request)
        {
            await AssertReadAsync(handle, next + Request);
            await AssertReadAsync(handle, next);
            Assert.True(handle.ReadsAhead, $"reading ahead stopped at {next}");
        }

        await AssertReadAsync(handle, next);
        Assert.True(handle.ReadsAhead);
    }

    [Fact]
    public async Task ASeekEndsReadingAheadWithTheRightBytesAndSequenceStartsItAgain()
    {
        await using var handle = await OpenAsync(ShortCircuitOff, requestsInSequence: 8);
        Assert.True(handle.ReadsAhead);

        // Back to the start, behind every chunk held.
        await AssertReadAsync(handle, 0);
        Assert.False(handle.ReadsAhead);

        await AssertReadAsync(handle, Request);
        await AssertReadAsync(handle, 2 * Request);
        Assert.True(handle.ReadsAhead);

        // Far ahead of anything read ahead, then the file's odd end.
        await AssertReadAsync(handle, 6 * TestContent.MiB);
        Assert.False(handle.ReadsAhead);
        await AssertReadAsync(handle, FileLength - 5);
        Assert.Equal(0, await ReadIntoAsync(handle, FileLength, new byte[Request]));
    }

    [Fact]
    public async Task AShortCircuitReadIsHandedOverAsItsBlockFileAndNeverCopiedAhead()
    {
        await using var handle = await OpenAsync("alluxio.user.short.circuit.enabled=true", requestsInSequence: 8);

        // The block file is in the page cache already; a copy ahead would only cost.
        Assert.False(handle.ReadsAhead);

        // Within a block the bytes stay in the block file, for the transport to splice.
        var within = await handle.ReadAsync(TestContent.MiB, new byte[Request], Token);
        Assert.NotNull(within.File);
        within.File.Value.Release();

        // Across a block's end they are copied: the first block's part from its file, the rest read on.
        await AssertReadAsync(handle, (2 * TestContent.MiB) - (Request / 2) - 1);
        await AssertReadAsync(handle, FileLength - 5);
    }

    [Fact]
    public async Task SmallReadsOfACachedBlockCompleteInlineAndAllocateNothing()
    {
        await using var handle = await OpenAsync("alluxio.user.short.circuit.enabled=true", requestsInSequence: 1);
        var buffer = new byte[4096];
        await ReadSmallAsync(handle, buffer, 0, 64);

        // Each read completes on this thread (a block file is read inline), so this thread's count is exact.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var completed = ReadSmallAsync(handle, buffer, 64, 1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(completed.IsCompletedSuccessfully, "a read of a cached block did not complete inline");

        // A debug build's async state machines are classes, allocated even when they complete at once.
        if (!Optimized)
        {
            return;
        }

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task AWorkerLostWhileReadingAheadFailsTheReadsItCannotServe()
    {
        await using var handle = await OpenAsync(ShortCircuitOff, requestsInSequence: 3);
        Assert.True(handle.ReadsAhead);
        await Cluster.Workers[0].KillAsync(Token);

        // Whatever was read ahead is still right; the first read past it fails with the stream's own error.
        var buffer = new byte[Request];
        for (long offset = 3 * Request; ; offset += Request)
        {
            int read;
            try
            {
                read = await ReadIntoAsync(handle, offset, buffer);
            }
            catch (AlluxioException e)
            {
                Assert.Contains("/file", e.Message, StringComparison.Ordinal);
                break;
            }

            Assert.True(read > 0, $"the read at {offset} ended the file early instead of failing");
            Assert.True(s_content.AsSpan((int)offset, read).SequenceEqual(buffer.AsSpan(0, read)), $"the bytes at {offset}");
        }
    }

    private static async Task ReadInSequenceAsync(ReadHandle handle, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            await AssertReadAsync(handle, (long)i * Request);
        }
    }

    private static async Task AssertReadAsync(ReadHandle handle, long offset)
    {
        var buffer = new byte[Request];
        var read = await ReadIntoAsync(handle, offset, buffer);
        var expected = (int)Math.Min(Request, FileLength - offset);
        Assert.Equal(expected, read);
        Assert.True(s_content.AsSpan((int)offset, expected).SequenceEqual(buffer.AsSpan(0, read)), $"the bytes at {offset}");
    }

    /// <summary>Random 4 KiB reads in the first block, as fio's; each range handed over is released at once.</summary>
    private static async ValueTask ReadSmallAsync(ReadHandle handle, byte[] buffer, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var read = await handle.ReadAsync((long)(i * 7919 % 256) * buffer.Length, buffer, Token);
            read.File?.Release();
        }
    }

    /// <summary>Reads as the kernel would receive it: a local file range handed over is read here, then released.</summary>
    private static async Task<int> ReadIntoAsync(ReadHandle handle, long offset, byte[] buffer)
    {
        var read = await handle.ReadAsync(offset, buffer, Token);
        if (read.File is not { } range)
        {
            return read.Count;
        }

        try
        {
            Assert.Equal(read.Count, range.Length);
            return RandomAccess.Read(range.File, buffer.AsSpan(0, range.Length), range.Offset);
        }
        finally
        {
            range.Release();
        }
    }

    /// <summary>Opens the file and reads its first <paramref name="requestsInSequence"/> requests, checking each.</summary>
    private async Task<ReadHandle> OpenAsync(string shortCircuit, int requestsInSequence = 0)
    {
        FileSystem client = Cluster.Connect(shortCircuit);
        var handle = new ReadHandle(await client.OpenFileAsync("/file", cancellationToken: Token));
        await ReadInSequenceAsync(handle, requestsInSequence);
        return handle;
    }
}
