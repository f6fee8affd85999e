using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class DataSizeFormatTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1024", 1024L)]
    [InlineData("10b", 10L)]
    [InlineData("1KB", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("1.5KB", 1536L)]
    [InlineData("64MB", 64L << 20)]
    [InlineData("64mb", 64L << 20)]
    [InlineData("1GB", 1L << 30)]
    [InlineData("2 TB", 2L << 40)]
    [InlineData("1PB", 1L << 50)]
    public void ParsesAlluxioUnits(string text, long expected) => Assert.Equal(expected, DataSizeFormat.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("abc")]
    [InlineData("1XB")]
    [InlineData("-1MB")]
    [InlineData("1.2.3MB")]
    [InlineData("99999999999PB")]
    public void RejectsWhatIsNotASize(string text)
    {
        Assert.False(DataSizeFormat.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => DataSizeFormat.Parse(text));
        Assert.Contains("byte size", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64L << 20, "MB", 64L)]
    [InlineData(64L << 20, "KB", 65536L)]
    [InlineData(4096L, "kb", 4L)]
    [InlineData(1L << 30, "GB", 1L)]
    public void ConvertsToAUnit(long bytes, string unit, long expected)
    {
        Assert.True(DataSizeFormat.TryConvert(bytes, unit, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(100L, "100B")]
    [InlineData(5120L, "5120B")]
    [InlineData(64L << 20, "64.00MB")]
    public void FormatsLikeAlluxioReports(long bytes, string expected) => Assert.Equal(expected, DataSizeFormat.Format(bytes));

    [Theory]
    [InlineData(8L << 20, "8MB")]
    [InlineData(1L << 30, "1GB")]
    [InlineData(1536L << 10, "1536KB")]
    [InlineData(100L, "100B")]
    [InlineData(0L, "0B")]
    public void FormatsExactlyInTheLargestUnit(long bytes, string expected)
    {
        Assert.Equal(expected, DataSizeFormat.FormatExact(bytes));
        Assert.Equal(bytes, DataSizeFormat.Parse(expected));
    }
}
