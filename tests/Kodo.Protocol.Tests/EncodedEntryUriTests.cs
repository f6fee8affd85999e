using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Kodo.Protocol.Tests;

public sealed class EncodedEntryUriTests
{
    // §1.3 vectors (Node util.test.js, plus the two computed Alluxio ones). A null key is the "undefined" row.
    [Theory]
    [InlineData("qiniuphotos", "gogopher.jpg", "cWluaXVwaG90b3M6Z29nb3BoZXIuanBn")]
    [InlineData("qiniuphotos", "", "cWluaXVwaG90b3M6")]
    [InlineData("qiniuphotos", null, "cWluaXVwaG90b3M=")]
    [InlineData("qiniuphotos", "012ts>a", "cWluaXVwaG90b3M6MDEydHM-YQ==")]
    [InlineData("qiniuphotos", "012ts?a", "cWluaXVwaG90b3M6MDEydHM_YQ==")]
    [InlineData("alluxio-bucket", "dir/file.txt", "YWxsdXhpby1idWNrZXQ6ZGlyL2ZpbGUudHh0")]
    [InlineData("alluxio-bucket", "dir/other.bin", "YWxsdXhpby1idWNrZXQ6ZGlyL290aGVyLmJpbg==")]
    public void EncodeAndDecode_Section1_3_Vectors(string bucket, string? key, string expected)
    {
        Assert.Equal(expected, EncodedEntryUri.Encode(bucket, key));
        Assert.Equal(expected, new KodoEntry(bucket, key).Encode());

        var entry = EncodedEntryUri.Decode(expected);
        Assert.Equal(bucket, entry.Bucket);
        Assert.Equal(key, entry.Key);
    }

    [Fact]
    public void Decode_Section1_3_SplitsAtTheFirstColonOnly()
    {
        var entry = EncodedEntryUri.Decode(UrlSafeBase64.EncodeString("bucket:a:b::c"));
        Assert.Equal("bucket", entry.Bucket);
        Assert.Equal("a:b::c", entry.Key);
    }

    [Fact]
    public void Decode_AcceptsUnpaddedText()
    {
        var entry = EncodedEntryUri.Decode("YWxsdXhpby1idWNrZXQ6ZGlyL290aGVyLmJpbg");
        Assert.Equal(new KodoEntry("alluxio-bucket", "dir/other.bin"), entry);
    }

    [Fact]
    public void Decode_KeepsEmptyAndMissingKeysApart()
    {
        Assert.Equal("", EncodedEntryUri.Decode("cWluaXVwaG90b3M6").Key);
        Assert.Null(EncodedEntryUri.Decode("cWluaXVwaG90b3M=").Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("OmtleQ==")] // ":key", no bucket
    [InlineData("__8=")] // not UTF-8
    public void TryDecode_RejectsMalformedEntries(string encoded)
    {
        Assert.False(EncodedEntryUri.TryDecode(encoded, out _));
        Assert.Throws<FormatException>(() => EncodedEntryUri.Decode(encoded));
    }

    [Theory]
    [InlineData("")]
    [InlineData("buck:et")]
    public void Encode_RejectsBucketsThatCannotRoundTrip(string bucket)
    {
        Assert.Throws<ArgumentException>(() => EncodedEntryUri.Encode(bucket, "key"));
    }

    [Fact]
    public void KodoEntry_ToString_IsThePlainScopeForm()
    {
        Assert.Equal("b:k", new KodoEntry("b", "k").ToString());
        Assert.Equal("b:", new KodoEntry("b", "").ToString());
        Assert.Equal("b", new KodoEntry("b", null).ToString());
    }

    [Property]
    public Property RoundTrip_AnyBucketAndKey(NonEmptyString bucket, string? key)
    {
        var bucketName = bucket.Get;
        return Prop.When(
            !bucketName.Contains(':', StringComparison.Ordinal) && IsWellFormed(bucketName) && (key is null || IsWellFormed(key)),
            () =>
            {
                var entry = EncodedEntryUri.Decode(EncodedEntryUri.Encode(bucketName, key));
                return entry.Bucket == bucketName && entry.Key == key;
            });
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("alluxio-bucket", true)]
    [InlineData("0-9", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-", false)]
    [InlineData("Abc", false)]
    [InlineData("a_c", false)]
    [InlineData("a:c", false)]
    public void BucketName_Section1_3_Rule(string name, bool expected)
    {
        Assert.Equal(expected, BucketName.IsValid(name));
    }

    [Fact]
    public void BucketName_LengthLimits()
    {
        Assert.True(BucketName.IsValid(new string('a', 63)));
        Assert.False(BucketName.IsValid(new string('a', 64)));
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
