using System.Text;

namespace Kodo.Protocol.Tests;

public sealed class KodoCredentialsTests
{
    // §1.2, Java AuthTest / Python test_auth.
    [Fact]
    public void Sign_Section1_2_JavaVector()
    {
        Assert.Equal("abcdefghklmnopq:mSNBTR7uS2crJsyFr2Amwv1LaYg=", SdkCredentials.Java.Sign("test"));
    }

    [Fact]
    public void SignWithData_Section1_2_JavaVector()
    {
        Assert.Equal("abcdefghklmnopq:-jP8eEV9v48MkYiBGs81aDxl60E=:dGVzdA==", SdkCredentials.Java.SignWithData("test"u8));
    }

    // §1.2, Go credentials_test.
    [Theory]
    [InlineData("hello", "ak:NDN8cM0rwosxhHJ6QAcI7ialr0g=")]
    [InlineData("world", "ak:wZ-sw41ayh3PFDmQA-D3o7eBJIY=")]
    [InlineData("-test", "ak:oJ59sZasiWSqL1o7ugZs5OInEK4=")]
    [InlineData("ba#a-", "ak:tqHL8V2BbNI0dVDXsvueZp_2QnI=")]
    public void Sign_Section1_2_GoVectors(string data, string expected)
    {
        Assert.Equal(expected, SdkCredentials.Go.Sign(data));
        Assert.Equal(expected, SdkCredentials.Go.Sign(Encoding.UTF8.GetBytes(data)));
    }

    [Fact]
    public void SignWithData_Section1_2_GoVector()
    {
        Assert.Equal("ak:2pn0qs-2kfEsQFuHI2pAYlo0hpc=:aGVsbG8=", SdkCredentials.Go.SignWithData("hello"u8));
    }

    [Theory]
    [InlineData("mSNBTR7uS2crJsyFr2Amwv1LaYg=", true)]
    [InlineData("mSNBTR7uS2crJsyFr2Amwv1LaYg", true)]
    [InlineData("mSNBTR7uS2crJsyFr2Amwv1LaYh=", false)]
    [InlineData("nSNBTR7uS2crJsyFr2Amwv1LaYg=", false)]
    [InlineData("mSNBTR7uS2crJsyFr2Amwv1L", false)]
    [InlineData("not base64!", false)]
    [InlineData("", false)]
    public void VerifySignature_ChecksTheDigest(string signature, bool expected)
    {
        Assert.Equal(expected, SdkCredentials.Java.VerifySignature("test"u8, signature));
    }

    [Fact]
    public void VerifySignature_FailsWithAnotherSecret()
    {
        var other = new KodoCredentials("abcdefghklmnopq", "0987654321");
        Assert.False(other.VerifySignature("test"u8, "mSNBTR7uS2crJsyFr2Amwv1LaYg="));
    }

    [Theory]
    [InlineData("", "sk")]
    [InlineData("ak", "")]
    [InlineData("a:k", "sk")]
    public void Constructor_RejectsUnusableKeys(string accessKey, string secretKey)
    {
        Assert.Throws<ArgumentException>(() => new KodoCredentials(accessKey, secretKey));
    }

    [Fact]
    public void ToString_HidesTheSecretKey()
    {
        var text = new KodoCredentials("my-ak", "very-secret").ToString();
        Assert.Contains("my-ak", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
    }
}
