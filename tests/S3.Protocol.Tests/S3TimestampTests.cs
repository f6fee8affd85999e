namespace S3.Protocol.Tests;

public sealed class S3TimestampTests
{
    [Fact]
    public void Iso8601_HasMillisecondsInUtc()
    {
        var time = new DateTimeOffset(2013, 9, 17, 20, 7, 53, 12, TimeSpan.FromHours(2));
        Assert.Equal("2013-09-17T18:07:53.012Z", S3Timestamp.FormatIso8601(time));
    }

    [Fact]
    public void HttpDate_IsRfc1123InGmt()
    {
        var time = new DateTimeOffset(2013, 9, 17, 18, 7, 53, TimeSpan.Zero);
        Assert.Equal("Tue, 17 Sep 2013 18:07:53 GMT", S3Timestamp.FormatHttpDate(time));
        Assert.True(S3Timestamp.TryParseHttpDate("Tue, 17 Sep 2013 18:07:53 GMT", out var parsed));
        Assert.Equal(time, parsed);
        Assert.False(S3Timestamp.TryParseHttpDate("yesterday", out _));
    }
}
