using Kodo.Protocol.Auth;

namespace Kodo.Protocol.Tests.Auth;

public sealed class QiniuHeaderNameTests
{
    // §2.3 CanonicalName vectors (Node util.test.js, C# TestCases.cs).
    [Theory]
    [InlineData("content-type", "Content-Type")]
    [InlineData("CONTENT-LENGTH", "Content-Length")]
    [InlineData("x-test-3", "X-Test-3")]
    [InlineData(":status", ":status")]
    [InlineData("七牛", "七牛")]
    [InlineData("x-qiniu-date", "X-Qiniu-Date")]
    [InlineData("X-QINIU-aAa", "X-Qiniu-Aaa")]
    [InlineData("x qiniu", "x qiniu")]
    [InlineData("", "")]
    public void Canonicalize_Section2_3_Vectors(string name, string expected)
    {
        Assert.Equal(expected, QiniuHeaderName.Canonicalize(name));
    }

    // §2.3: headers named exactly "X-Qiniu-" or "X-Qiniu" are not signed.
    [Theory]
    [InlineData("X-Qiniu-", false)]
    [InlineData("X-Qiniu", false)]
    [InlineData("X-Qiniu-A", true)]
    [InlineData("X-Qiniu-Date", true)]
    [InlineData("X-Qiniux", false)]
    [InlineData("Content-Type", false)]
    public void IsSigned_Section2_3_Rule(string canonicalName, bool expected)
    {
        Assert.Equal(expected, QiniuHeaderName.IsSigned(canonicalName));
    }
}
