using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class DurationFormatTests
{
    [Theory]
    [InlineData("100ms", 100L)]
    [InlineData("5", 5L)]
    [InlineData("-1", -1L)]
    [InlineData("1s", 1_000L)]
    [InlineData("50sec", 50_000L)]
    [InlineData("2seconds", 2_000L)]
    [InlineData("1min", 60_000L)]
    [InlineData("1m", 60_000L)]
    [InlineData("5MIN", 300_000L)]
    [InlineData("1hr", 3_600_000L)]
    [InlineData("1h", 3_600_000L)]
    [InlineData("1day", 86_400_000L)]
    [InlineData("2d", 172_800_000L)]
    public void ParsesAlluxioUnits(string text, long expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), DurationFormat.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("sec")]
    [InlineData("1.5s")]
    [InlineData("10years")]
    [InlineData("abc")]
    public void RejectsWhatIsNotADuration(string text)
    {
        Assert.False(DurationFormat.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => DurationFormat.Parse(text));
        Assert.Contains("duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5000ms", "S", 5L)]
    [InlineData("50sec", "MS", 50_000L)]
    [InlineData("1hr", "m", 60L)]
    [InlineData("1day", "H", 24L)]
    public void ConvertsToAUnit(string text, string unit, long expected)
    {
        Assert.True(DurationFormat.TryConvert(DurationFormat.Parse(text), unit, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(50_000L, "50sec")]
    [InlineData(120_000L, "2min")]
    [InlineData(1_500L, "1500ms")]
    [InlineData(86_400_000L, "1day")]
    [InlineData(0L, "0ms")]
    public void FormatsExactlyInTheLargestUnit(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationFormat.Format(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationFormat.Parse(expected));
    }
}
