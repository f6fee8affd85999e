namespace S3.Protocol.Tests;

public sealed class S3RangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 100, 0, 10)]
    [InlineData("bytes=10-", 100, 10, 90)]
    [InlineData("bytes=-10", 100, 90, 10)]
    [InlineData("bytes=-200", 100, 0, 100)]
    [InlineData("bytes=90-1000", 100, 90, 10)]
    [InlineData("bytes=99-99", 100, 99, 1)]
    [InlineData(" bytes=5-6 ", 100, 5, 2)]
    [InlineData("BYTES=0-0", 1, 0, 1)]
    public void Satisfiable_RangesArePartial(string header, long length, long offset, long count)
    {
        Assert.Equal(S3RangeResult.Partial, S3Range.TryParse(header, length, out var actualOffset, out var actualCount));
        Assert.Equal((offset, count), (actualOffset, actualCount));
    }

    [Theory]
    [InlineData("bytes=100-", 100)]
    [InlineData("bytes=100-200", 100)]
    [InlineData("bytes=-0", 100)]
    [InlineData("bytes=0-", 0)]
    [InlineData("bytes=-5", 0)]
    public void RangesStartingAtOrAfterTheEnd_AreNotSatisfiable(string header, long length)
    {
        Assert.Equal(S3RangeResult.NotSatisfiable, S3Range.TryParse(header, length, out var offset, out var count));
        Assert.Equal((0L, 0L), (offset, count));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-9")]
    [InlineData("bytes=9-0")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=-")]
    [InlineData("bytes=+1-2")]
    [InlineData("bytes=1")]
    [InlineData("bytes=99999999999999999999-")]
    public void MalformedOrMultipleRanges_AreIgnored(string? header)
    {
        Assert.Equal(S3RangeResult.WholeObject, S3Range.TryParse(header, 100, out var offset, out var count));
        Assert.Equal((0L, 100L), (offset, count));
    }

    [Fact]
    public void ContentRange_IsFormattedAsHttpWants()
    {
        Assert.Equal("bytes 0-9/100", S3Range.FormatContentRange(0, 10, 100));
        Assert.Equal("bytes */100", S3Range.FormatUnsatisfiedContentRange(100));
    }
}
