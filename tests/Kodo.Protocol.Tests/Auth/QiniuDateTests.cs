using Kodo.Protocol.Auth;

namespace Kodo.Protocol.Tests.Auth;

public sealed class QiniuDateTests
{
    // §2.3: yyyyMMdd'T'HHmmss'Z' in UTC.
    [Fact]
    public void ToHeaderValue_Section2_3_Format()
    {
        Assert.Equal("20240101T000000Z", QiniuDate.ToHeaderValue(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("20240101T000000Z", QiniuDate.ToHeaderValue(new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void TryParse_ReadsTheHeader()
    {
        Assert.True(QiniuDate.TryParse("20240102T030405Z", out var time));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), time);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("20240101T000000")]
    [InlineData("20241301T000000Z")]
    public void TryParse_RejectsOtherFormats(string? value)
    {
        Assert.False(QiniuDate.TryParse(value, out _));
    }

    // §2.3: more than 15 minutes of skew is refused.
    [Theory]
    [InlineData(0, true)]
    [InlineData(15 * 60, true)]
    [InlineData(-15 * 60, true)]
    [InlineData(15 * 60 + 1, false)]
    [InlineData(-15 * 60 - 1, false)]
    public void IsWithinSkew_Section2_3_FifteenMinutes(int offsetSeconds, bool expected)
    {
        var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, QiniuDate.IsWithinSkew(now.AddSeconds(offsetSeconds), now, QiniuDate.DefaultMaxSkew));
    }
}
