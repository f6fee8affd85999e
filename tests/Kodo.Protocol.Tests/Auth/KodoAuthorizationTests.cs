using Kodo.Protocol.Auth;

namespace Kodo.Protocol.Tests.Auth;

public sealed class KodoAuthorizationTests
{
    // §2: the three Authorization header forms.
    [Theory]
    [InlineData("QBox ak:sig=", KodoAuthorizationScheme.QBox, "ak:sig=")]
    [InlineData("Qiniu ak:sig=", KodoAuthorizationScheme.Qiniu, "ak:sig=")]
    [InlineData("UpToken ak:sig=:policy", KodoAuthorizationScheme.UpToken, "ak:sig=:policy")]
    [InlineData("qbox   ak:sig=", KodoAuthorizationScheme.QBox, "ak:sig=")]
    [InlineData(" QINIU ak:sig= ", KodoAuthorizationScheme.Qiniu, "ak:sig=")]
    public void TryParse_Section2_ReadsEachScheme(string header, KodoAuthorizationScheme scheme, string credential)
    {
        Assert.True(KodoAuthorization.TryParse(header, out var authorization));
        Assert.Equal(scheme, authorization.Scheme);
        Assert.Equal(credential, authorization.Credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("QBox")]
    [InlineData("QBox ")]
    [InlineData("Bearer abc")]
    [InlineData(" ak:sig")]
    public void TryParse_RejectsOtherHeaders(string? header)
    {
        Assert.False(KodoAuthorization.TryParse(header, out _));
    }

    [Fact]
    public void ToString_WritesTheWireForm()
    {
        Assert.Equal("UpToken t", new KodoAuthorization(KodoAuthorizationScheme.UpToken, "t").ToString());
        Assert.Equal("QBox a:b", new KodoAuthorization(KodoAuthorizationScheme.QBox, "a:b").ToString());
        Assert.Equal("Qiniu a:b", new KodoAuthorization(KodoAuthorizationScheme.Qiniu, "a:b").ToString());
    }
}
