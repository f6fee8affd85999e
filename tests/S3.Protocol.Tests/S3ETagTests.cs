using S3.Protocol.Tests.Support;

namespace S3.Protocol.Tests;

public sealed class S3ETagTests
{
    [Fact]
    public void FromMd5_IsQuotedLowerCaseHex()
    {
        Assert.Equal("\"d41d8cd98f00b204e9800998ecf8427e\"", S3ETag.FromMd5(Digests.Md5([])));
    }

    [Fact]
    public void Multipart_IsMd5OfConcatenatedPartDigestsWithPartCount()
    {
        var parts = new[] { Digests.Md5("part one"u8), Digests.Md5("part two"u8) };
        var expected = Convert.ToHexStringLower(Digests.Md5([.. parts[0], .. parts[1]]));

        Assert.Equal($"\"{expected}-2\"", S3ETag.Multipart(parts));
    }

    [Fact]
    public void Multipart_RejectsDigestsThatAreNotMd5()
    {
        Assert.Throws<ArgumentException>(() => S3ETag.Multipart([new byte[20]]));
        Assert.Throws<ArgumentException>(() => S3ETag.FromMd5(new byte[15]));
    }

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("abc", "abc")]
    [InlineData(" \"abc-2\" ", "abc-2")]
    [InlineData("W/\"abc\"", "abc")]
    public void Unquote_AcceptsQuotedAndBareTags(string etag, string expected)
    {
        Assert.Equal(expected, S3ETag.Unquote(etag));
    }
}
