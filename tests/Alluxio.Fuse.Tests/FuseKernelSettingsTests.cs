namespace Alluxio.Fuse.Tests;

public sealed class FuseKernelSettingsTests
{
    [Theory]
    [InlineData(1L << 20, (1 << 20) - (16 << 10))]
    [InlineData(2L << 20, 1 << 20)]
    [InlineData(64L << 20, 1 << 20)]
    [InlineData(64L << 10, 128 << 10)]
    public void ARequestIsNoLargerThanLibfuseCanSpliceThroughTheLargestPipe(long pipeMaxSize, uint expected)
    {
        // pipe-max-size is a power of two in pages; libfuse needs the reply, its header and three pages in one pipe.
        Assert.Equal(expected, FuseKernelSettings.SpliceableTransfer(pipeMaxSize));
    }
}
