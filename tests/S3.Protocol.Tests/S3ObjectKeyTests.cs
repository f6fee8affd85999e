using S3.Protocol.Errors;

namespace S3.Protocol.Tests;

public sealed class S3ObjectKeyTests
{
    [Fact]
    public void KeysUpTo1024Utf8Bytes_Pass()
    {
        S3ObjectKey.Validate(new string('k', 1024));
        S3ObjectKey.Validate(string.Concat(Enumerable.Repeat("é", 512)));
        S3ObjectKey.Validate("a/../b//c ");
    }

    [Fact]
    public void KeysOver1024Utf8Bytes_ThrowKeyTooLong()
    {
        var error = Assert.Throws<S3Exception>(() => S3ObjectKey.Validate(string.Concat(Enumerable.Repeat("é", 513))));
        Assert.Same(S3ErrorCode.KeyTooLongError, error.Error);
        Assert.Contains("1026 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void EmptyKeys_ThrowInvalidArgument(string? key)
    {
        Assert.Same(S3ErrorCode.InvalidArgument, Assert.Throws<S3Exception>(() => S3ObjectKey.Validate(key)).Error);
    }

    [Fact]
    public void KeysWithALoneSurrogate_ThrowInvalidArgument()
    {
        var key = "bad" + (char)0xD800 + "key";
        Assert.Same(S3ErrorCode.InvalidArgument, Assert.Throws<S3Exception>(() => S3ObjectKey.Validate(key)).Error);
    }
}
