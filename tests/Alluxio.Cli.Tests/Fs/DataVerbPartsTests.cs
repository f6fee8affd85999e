using System.Text;
using Alluxio.Cli.Commands.Fs;
using Alluxio.Cli.Commands.Fs.Copy;
using Alluxio.Cli.Commands.Fs.Data;
using Alluxio.Client;
using Alluxio.Errors;
using Alluxio.Grpc;

namespace Alluxio.Cli.Tests.Fs;

/// <summary>The pieces of the data verbs that need no cluster: output lines, option parsing, paths, copies of streams.</summary>
public sealed class DataVerbPartsTests
{
    [Fact]
    public void LocationListsTheHostOfEveryCopyOfEveryBlock()
    {
        var info = new Alluxio.Grpc.FileInfo { FileId = 33554431 };
        info.FileBlockInfos.Add(Block("worker-a", "worker-b"));
        info.FileBlockInfos.Add(Block("worker-b"));

        Assert.Equal(
            ["/d/f with file id 33554431 is on nodes: ", "worker-a", "worker-b", "worker-b"],
            LocationCommand.Lines("/d/f", new UriStatus(info)));
    }

    [Fact]
    public void SetReplicationSaysWhatItSet()
    {
        Assert.Equal("Changed the replication level of /f\nreplicationMax was set to 3\nreplicationMin was set to 1\n", SetReplicationCommand.Message("/f", 3, 1));
        Assert.Equal("Changed the replication level of /f\nreplicationMin was set to 2\n", SetReplicationCommand.Message("/f", null, 2));
    }

    [Fact]
    public void SetReplicationAllowsNoLimitOnTheMaximum()
    {
        var options = SetReplicationCommand.Options(-1, 2, recursive: true);

        Assert.Equal(-1, options.ReplicationMax);
        Assert.Equal(2, options.ReplicationMin);
        Assert.True(options.Recursive);
    }

    [Fact]
    public async Task ChecksumIsTheLowerCaseMd5()
    {
        using var content = new MemoryStream(Encoding.ASCII.GetBytes("hello\n"));

        Assert.Equal("b1946ac92492d2347c6235b4d2611184", await ChecksumCommand.Md5HexAsync(content, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AStreamCopyGoesThroughTheBufferInChunks()
    {
        var bytes = new byte[10_000];
        Random.Shared.NextBytes(bytes);
        using var source = new MemoryStream(bytes);
        using var target = new MemoryStream();
        var chunks = new List<long>();

        var copied = await StreamCopy.CopyAsync(source, target, 4096, chunks.Add, TestContext.Current.CancellationToken);

        Assert.Equal(10_000, copied);
        Assert.Equal(bytes, target.ToArray());
        Assert.Equal([4096L, 4096L, 1808L], chunks);
    }

    [Fact]
    public void BytesWrittenToATextWriterAreDecodedAcrossWrites()
    {
        using var writer = new StringWriter();
        using var stream = new TextWriterStream(writer);
        var bytes = Encoding.UTF8.GetBytes("héllo wörld");

        stream.Write(bytes, 0, 2);
        stream.Write(bytes, 2, bytes.Length - 2);

        Assert.Equal("héllo wörld", writer.ToString());
    }

    [Theory]
    [InlineData(null, 1024)]
    [InlineData("2048", 2048)]
    [InlineData("4KB", 4096)]
    [InlineData("8MB", 8 << 20)]
    public void ByteCounts(string? given, int expected) => Assert.Equal(expected, ByteCountOption.Parse(given, 1024, "-c"));

    [Fact]
    public void ABufferAbove2GBIsRefused() =>
        Assert.Equal("4GB is too large for --buffersize; use at most 2GB", Assert.Throws<FsUsageException>(() => ByteCountOption.Parse("4GB", 1, "--buffersize")).Message);

    [Theory]
    [InlineData(null, null, null, 4, 1200000L, 0L)]
    [InlineData("8", "-1", "500", 8, null, 500L)]
    [InlineData("1", "2min", "1s", 1, 120000L, 1000L)]
    public void PersistOptions(string? parallelism, string? timeout, string? wait, int threads, long? timeoutMs, long waitMs)
    {
        var settings = PersistSettings.Parse(parallelism, timeout, wait);

        Assert.Equal(threads, settings.Parallelism);
        Assert.Equal(timeoutMs, (long?)settings.Timeout?.TotalMilliseconds);
        Assert.Equal(waitMs, (long)settings.Wait.TotalMilliseconds);
    }

    [Theory]
    [InlineData("file:///tmp/a", true, false, "/tmp/a")]
    [InlineData("file:/tmp/b", true, false, "/tmp/b")]
    [InlineData("/data/x", false, true, "/data/x")]
    [InlineData("alluxio://master:19998/x", false, true, null)]
    [InlineData("kodo://bucket/x", false, false, null)]
    public void PathKinds(string path, bool local, bool alluxio, string? localPath)
    {
        Assert.Equal(local, LocalUri.IsLocal(path));
        Assert.Equal(alluxio, LocalUri.IsAlluxio(path));
        if (localPath is not null)
        {
            Assert.Equal(localPath, LocalUri.ToPath(path));
        }
    }

    [Fact]
    public void AFileUriOfAnotherHostIsRefused() =>
        Assert.Equal(ErrorType.InvalidPath, Assert.Throws<AlluxioException>(() => LocalUri.ToPath("file://host/x")).ErrorType);

    [Theory]
    [InlineData("/", "a", "/a")]
    [InlineData("/d/", "a/b", "/d/a/b")]
    [InlineData("/d", "c", "/d/c")]
    public void AlluxioJoins(string folder, string relative, string expected) => Assert.Equal(expected, AlluxioPaths.Join(folder, relative));

    [Fact]
    public void OneFailedFileOfOneIsItsOwnError()
    {
        var failures = new CopyFailures();
        failures.Add("/a", new AlluxioException(ErrorType.FileDoesNotExist, "Path \"/a\" does not exist."));

        var error = Assert.Throws<AlluxioException>(() => failures.ThrowIfAny(1));

        Assert.Equal("Path \"/a\" does not exist.", error.Message);
    }

    [Fact]
    public void FailedFilesOfManyAreSummedUpInOneLine()
    {
        var failures = new CopyFailures();
        failures.Add("file:///x/a", new IOException("Permission denied."));
        failures.Add("file:///x/b", new IOException("Permission denied."));

        var error = Assert.Throws<AlluxioException>(() => failures.ThrowIfAny(5));

        Assert.Equal("Failed to copy 2 of 5 files; the first, file:///x/a: Permission denied. The others were copied.", error.Message);
    }

    [Fact]
    public void TheProgressBarShowsFilesAndBytes() =>
        Assert.Equal("[###############               ]  50% 1/2 files 10.00MB/20.00MB", ProgressBar.Render(1, 2, 10 << 20, 20 << 20));

    [Fact]
    public void TheReporterDrawsNoBarOffATerminal()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using (var reporter = new CopyReporter(output, drawProgress: false))
        {
            reporter.Expect(10);
            reporter.Copied(10);
            reporter.Line("Copied a to b", fileDone: true);
        }

        Assert.Equal("Copied a to b\n", output.ToString());
    }

    [Fact]
    public void TheReporterErasesItsBarBeforeEachLineAndAtTheEnd()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using (var reporter = new CopyReporter(output, drawProgress: true))
        {
            reporter.Expect(10);
            reporter.Line("Copied a to b", fileDone: true);
        }

        var text = output.ToString();
        Assert.StartsWith("Copied a to b\n\r[", text, StringComparison.Ordinal);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
    }

    private static FileBlockInfo Block(params string[] hosts)
    {
        var block = new BlockInfo();
        foreach (var host in hosts)
        {
            block.Locations.Add(new BlockLocation { WorkerAddress = new WorkerNetAddress { Host = host } });
        }

        return new FileBlockInfo { BlockInfo = block };
    }
}
