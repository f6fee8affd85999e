using S3.Protocol.Errors;

namespace S3.Protocol.Tests;

public sealed class S3CopySourceTests
{
    [Theory]
    [InlineData("bucket/key", "bucket", "key")]
    [InlineData("/bucket/dir/a%20b%2Bc", "bucket", "dir/a b+c")]
    [InlineData("bucket/%E5%90%8D?versionId=3", "bucket", "名")]
    public void Parse_ReadsTheBucketAndTheDecodedKey(string header, string bucket, string key) =>
        Assert.Equal((bucket, key), S3CopySource.Parse(header));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("bucket")]
    [InlineData("bucket/")]
    [InlineData("/key-without-bucket")]
    public void Parse_RefusesASourceWithoutBucketAndKey(string? header) =>
        Assert.Same(S3ErrorCode.InvalidArgument, Assert.Throws<S3Exception>(() => S3CopySource.Parse(header)).Error);

    [Fact]
    public void Range_IsTheWholeSourceWhenAbsent_AndOneRangeInsideItOtherwise()
    {
        Assert.Equal((0L, 100L), S3CopySource.Range(null, 100));
        Assert.Equal((0L, 100L), S3CopySource.Range("", 100));
        Assert.Equal((10L, 20L), S3CopySource.Range("bytes=10-29", 100));
        Assert.Same(S3ErrorCode.InvalidArgument, Assert.Throws<S3Exception>(() => S3CopySource.Range("bytes=50-150", 100)).Error);
        Assert.Same(S3ErrorCode.InvalidArgument, Assert.Throws<S3Exception>(() => S3CopySource.Range("bytes=200-300", 100)).Error);
        Assert.Same(S3ErrorCode.InvalidArgument, Assert.Throws<S3Exception>(() => S3CopySource.Range("lines=1-2", 100)).Error);
    }
}
