using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace Kodo.Protocol.Tests;

public sealed class UrlSafeBase64Tests
{
    // §1.1: RFC 4648 §5 alphabet, padding kept.
    [Theory]
    [InlineData("", "")]
    [InlineData("test", "dGVzdA==")]
    [InlineData("hello", "aGVsbG8=")]
    [InlineData("012ts>a", "MDEydHM-YQ==")]
    [InlineData("012ts?a", "MDEydHM_YQ==")]
    public void Encode_Section1_1_KeepsPaddingAndUsesUrlAlphabet(string text, string expected)
    {
        Assert.Equal(expected, UrlSafeBase64.EncodeString(text));
        Assert.Equal(expected, UrlSafeBase64.Encode(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Encode_ReplacesPlusAndSlash()
    {
        Assert.Equal("-_8=", UrlSafeBase64.Encode([0xfb, 0xff]));
    }

    [Fact]
    public void EncodeString_LongTextUsesPooledBuffer()
    {
        var text = new string('x', 1000);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), UrlSafeBase64.EncodeString(text));
    }

    [Fact]
    public void TryEncode_FailsWhenDestinationIsShort()
    {
        Span<char> destination = stackalloc char[7];
        Assert.False(UrlSafeBase64.TryEncode("test"u8, destination, out var written));
        Assert.Equal(0, written);
    }

    // §1.1 leniency: decoders accept the value with or without padding.
    [Theory]
    [InlineData("dGVzdA==", "test")]
    [InlineData("dGVzdA", "test")]
    [InlineData("aGVsbG8=", "hello")]
    [InlineData("aGVsbG8", "hello")]
    [InlineData("MDEydHM-YQ", "012ts>a")]
    [InlineData("", "")]
    public void Decode_AcceptsPaddedAndUnpadded(string encoded, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(UrlSafeBase64.Decode(encoded)));
        Assert.True(UrlSafeBase64.TryDecodeString(encoded, out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("dGVzdA=")]
    [InlineData("dGVzdA===")]
    [InlineData("MDEydHM+YQ==")]
    [InlineData("MDEydHM/YQ==")]
    [InlineData("dGVz dA==")]
    [InlineData("dGVzdA==\n")]
    [InlineData("Z")]
    [InlineData("Zh")]
    [InlineData("====")]
    [InlineData("dG=zdA==")]
    public void Decode_RejectsMalformedText(string encoded)
    {
        Assert.False(UrlSafeBase64.TryDecode(encoded, out _));
        Assert.Throws<FormatException>(() => UrlSafeBase64.Decode(encoded));
    }

    [Fact]
    public void TryDecodeString_RejectsInvalidUtf8()
    {
        var encoded = UrlSafeBase64.Encode([0xff, 0xfe]);
        Assert.True(UrlSafeBase64.TryDecode(encoded, out _));
        Assert.False(UrlSafeBase64.TryDecodeString(encoded, out _));
    }

    [Fact]
    public void TryDecode_IntoSpan_FailsWhenDestinationIsShort()
    {
        Span<byte> destination = stackalloc byte[2];
        Assert.False(UrlSafeBase64.TryDecode("dGVzdA==", destination, out _));
    }

    [Property]
    public bool RoundTrip_Padded(byte[] data) =>
        UrlSafeBase64.Decode(UrlSafeBase64.Encode(data)).AsSpan().SequenceEqual(data);

    [Property]
    public bool RoundTrip_Unpadded(byte[] data) =>
        UrlSafeBase64.Decode(UrlSafeBase64.Encode(data).TrimEnd('=')).AsSpan().SequenceEqual(data);

    [Property]
    public bool Encode_IsStandardBase64WithTheUrlAlphabet(byte[] data) =>
        UrlSafeBase64.Encode(data) == Convert.ToBase64String(data).Replace('+', '-').Replace('/', '_');

    [Property]
    public bool Encode_LengthIsAlwaysAMultipleOfFour(NonNegativeInt count) =>
        UrlSafeBase64.GetEncodedLength(count.Get % 100_000) % 4 == 0;
}
