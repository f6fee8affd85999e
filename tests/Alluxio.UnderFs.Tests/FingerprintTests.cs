namespace Alluxio.UnderFs.Tests;

public sealed class FingerprintTests
{
    [Fact]
    public void AFileFingerprintCarriesItsContentHash() =>
        Assert.Equal(
            "TYPE|FILE UFS|kodo OWNER|_ GROUP|_ MODE|420 CONTENT_HASH|Fq-etag ",
            Fingerprint.Of("kodo", new UfsFileStatus("x", "Fq-etag", 5, null)));

    [Fact]
    public void SpacesAndBarsInValuesAreReplaced() =>
        Assert.Equal(
            "TYPE|DIRECTORY UFS|local OWNER|a_b GROUP|c_d MODE|493 ",
            Fingerprint.Of("local", new UfsDirectoryStatus("d", Owner: "a b", Group: "c|d")));
}
