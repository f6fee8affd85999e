namespace Alluxio.Fuse.Tests;

public sealed class FuseKernelSettingsTests
{
    [Theory]
    [InlineData(1L << 20, (1 << 20) - (16 << 10))]
    [InlineData((1L << 20) + 5000, (1 << 20) - (12 << 10))]
    [InlineData(4L << 20, 1 << 20)]
    [InlineData(64L << 10, 128 << 10)]
    public void ARequestIsNoLargerThanLibfuseCanSpliceThroughTheLargestPipe(long pipeMaxSize, uint expected)
    {
        // libfuse needs the reply, its 16-byte header and three pages of slack in one pipe.
        Assert.Equal(expected, FuseKernelSettings.SpliceableTransfer(pipeMaxSize));
    }

    [Fact]
    public void ThisSystemsPipeLimitIsRead()
    {
        var expected = long.Parse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, FuseKernelSettings.PipeMaxSize());
    }
}
