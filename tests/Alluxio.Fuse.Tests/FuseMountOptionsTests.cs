namespace Alluxio.Fuse.Tests;

public sealed class FuseMountOptionsTests
{
    [Fact]
    public void TheMountActsOnItsOwnOptionsAndPassesTheRestToLibfuse()
    {
        var options = FuseMountOptions.Parse("attr_timeout=600,entry_timeout=600", "attr_timeout=1.5,direct_io,allow_other,big_writes,max_threads=8,ro");

        Assert.Equal(TimeSpan.FromSeconds(1.5), options.AttributeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(600), options.EntryTimeout);
        Assert.True(options.DirectIo);
        Assert.Equal(8, options.MaxThreads);
        Assert.Equal(["allow_other", "ro"], options.PassThrough);
    }

    [Fact]
    public void Fusermount3GetsOnlyTheOptionsTheKernelTakes()
    {
        Assert.Equal("fsname=alluxio-fuse,allow_other,ro", Fusermount.KernelOptions(["fsname=alluxio-fuse", "allow_root", "debug", "ro"]));
        var refused = Assert.Throws<FuseException>(() => Fusermount.KernelOptions(["auto_unmount"]));
        Assert.Equal(Errno.EINVAL, refused.Errno);
    }

    [Fact]
    public void DefaultsAreAlluxiosTimeoutsAndNoNegativeCaching()
    {
        var options = FuseMountOptions.Parse((string?)null);

        Assert.Equal(TimeSpan.FromMinutes(10), options.AttributeTimeout);
        Assert.Equal(TimeSpan.Zero, options.NegativeTimeout);
        Assert.False(options.KernelCache);
        Assert.Empty(options.PassThrough);
    }

    [Theory]
    [InlineData("attr_timeout=soon", "attr_timeout")]
    [InlineData("entry_timeout=-1", "entry_timeout")]
    [InlineData("max_threads=0", "max_threads")]
    [InlineData("max_readahead", "max_readahead")]
    public void AMalformedValueIsOneSentenceNamingTheOption(string option, string name)
    {
        var error = Assert.Throws<FormatException>(() => FuseMountOptions.Parse(option));

        Assert.StartsWith($"The mount option {name} takes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplicingIsOnUnlessTurnedOff()
    {
        Assert.True(FuseMountOptions.Parse((string?)null).SpliceWrite);
        Assert.False(FuseMountOptions.Parse("no_splice_write").SpliceWrite);
        Assert.True(FuseMountOptions.Parse("no_splice_write", "splice_write").SpliceWrite);
        Assert.Empty(FuseMountOptions.Parse("no_splice_write").PassThrough);
    }
}
