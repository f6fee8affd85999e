using S3.Protocol.Errors;

namespace S3.Protocol.Tests;

public sealed class S3BucketNameTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("my-bucket.example")]
    [InlineData("1bucket2")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    [InlineData("192.168.5.4x")]
    public void ValidNames_Pass(string name)
    {
        Assert.True(S3BucketName.IsValid(name));
        S3BucketName.Validate(name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("MyBucket")]
    [InlineData("my_bucket")]
    [InlineData("-bucket")]
    [InlineData("bucket-")]
    [InlineData(".bucket")]
    [InlineData("my..bucket")]
    [InlineData("my.-bucket")]
    [InlineData("192.168.5.4")]
    [InlineData("xn--bucket")]
    [InlineData("bucket-s3alias")]
    [InlineData("my bucket")]
    public void InvalidNames_ThrowInvalidBucketName(string? name)
    {
        Assert.False(S3BucketName.IsValid(name));
        var error = Assert.Throws<S3Exception>(() => S3BucketName.Validate(name));
        Assert.Same(S3ErrorCode.InvalidBucketName, error.Error);
        Assert.Contains("bucket name", error.Message, StringComparison.Ordinal);
    }
}
