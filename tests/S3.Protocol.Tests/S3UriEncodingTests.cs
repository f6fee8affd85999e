namespace S3.Protocol.Tests;

public sealed class S3UriEncodingTests
{
    [Theory]
    [InlineData("AZaz09-._~", false, "AZaz09-._~")]
    [InlineData("a b+c", false, "a%20b%2Bc")]
    [InlineData("dir/file", false, "dir/file")]
    [InlineData("dir/file", true, "dir%2Ffile")]
    [InlineData("é*", false, "%C3%A9%2A")]
    public void Encode_KeepsOnlyUnreservedCharacters(string value, bool encodeSlash, string expected)
    {
        Assert.Equal(expected, S3UriEncoding.Encode(value, encodeSlash));
    }

    [Theory]
    [InlineData("a%20b", false, "a b")]
    [InlineData("a+b", false, "a+b")]
    [InlineData("a+b", true, "a b")]
    [InlineData("100%", false, "100%")]
    [InlineData("%zz%4", false, "%zz%4")]
    [InlineData("%C3%A9", false, "é")]
    [InlineData("é", false, "é")]
    public void Decode_ReadsEscapesAndLeavesStrayPercentSigns(string text, bool plusIsSpace, string expected)
    {
        Assert.Equal(expected, S3UriEncoding.Decode(text, plusIsSpace));
    }
}
