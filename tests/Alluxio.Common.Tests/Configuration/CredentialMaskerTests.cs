using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class CredentialMaskerTests
{
    [Theory]
    [InlineData("fs.kodo.secretkey")]
    [InlineData("fs.kodo.secretKey")]
    [InlineData("FS.KODO.ACCESSKEY")]
    [InlineData("s3a.secretkey")]
    [InlineData("alluxio.master.mount.table.root.option.fs.kodo.secretkey")]
    [InlineData("alluxio.master.mount.table.root.option.FS.KODO.SECRETKEY")]
    [InlineData("my.custom.password")]
    [InlineData("some.api_token")]
    public void CredentialsAreMaskedWhateverTheirCase(string key)
    {
        Assert.True(CredentialMasker.IsCredential(key));
        Assert.Equal("******", CredentialMasker.DisplayValue(key, "value"));
    }

    [Theory]
    [InlineData("alluxio.underfs.kodo.endpoint")]
    [InlineData("alluxio.master.mount.table.root.option.alluxio.underfs.kodo.downloadhost")]
    [InlineData("alluxio.master.hostname")]
    [InlineData("custom.key")]
    public void OtherValuesShowAsTheyAre(string key)
    {
        Assert.False(CredentialMasker.IsCredential(key));
        Assert.Equal("value", CredentialMasker.DisplayValue(key, "value"));
    }

    [Fact]
    public void AnUnsetCredentialStaysUnset() => Assert.Null(CredentialMasker.DisplayValue("fs.kodo.secretkey", null));

    [Fact]
    public void RedactRemovesEverySecretFromText() =>
        Assert.Equal(
            "auth ****** failed for ****** and ******",
            CredentialMasker.Redact("auth AK1 failed for SK2 and AK1", ["AK1", "SK2", null, ""]));

    [Fact]
    public void EveryRegistryCredentialIsFound()
    {
        var credentials = PropertyKeyRegistry.Global.All.Where(k => k.IsCredential).Select(k => k.Name).ToList();

        Assert.Contains("s3a.accessKeyId", credentials);
        Assert.Contains("s3a.secretKey", credentials);
        Assert.All(credentials, k => Assert.True(CredentialMasker.IsCredential(k.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("${s3a.secretKey}", true)]
    [InlineData("port-${middle}", true)]
    [InlineData("${my.custom.password}", true)]
    [InlineData("${alluxio.home}/conf", false)]
    [InlineData("${unset}", false)]
    [InlineData("plain", false)]
    public void AValueReferencingACredentialAtAnyDepthIsSecret(string raw, bool expected)
    {
        var values = new Dictionary<string, string> { ["middle"] = "x${s3a.secretKey}", ["alluxio.home"] = "/opt" };

        Assert.Equal(expected, CredentialMasker.ReferencesCredential(raw, values.GetValueOrDefault));
    }
}
