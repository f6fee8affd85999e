namespace Kodo.Protocol.Tests;

public sealed class SignatureTokenTests
{
    [Fact]
    public void TryParse_SplitsAccessKeyAndSignature()
    {
        Assert.True(SignatureToken.TryParse("ak:NDN8cM0rwosxhHJ6QAcI7ialr0g=", out var token));
        Assert.Equal("ak", token.AccessKey);
        Assert.Equal("NDN8cM0rwosxhHJ6QAcI7ialr0g=", token.Signature);
        Assert.Equal("ak:NDN8cM0rwosxhHJ6QAcI7ialr0g=", token.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ak")]
    [InlineData(":sig")]
    [InlineData("ak:")]
    [InlineData("ak:sig:extra")]
    public void TryParse_RejectsMalformedTokens(string? text)
    {
        Assert.False(SignatureToken.TryParse(text, out _));
    }

    [Fact]
    public void Parse_ThrowsOnMalformedToken()
    {
        Assert.Throws<FormatException>(() => SignatureToken.Parse("nocolon"));
    }
}
