using Kodo.Protocol.Hashing;

namespace Kodo.Protocol.Tests.Hashing;

public sealed class EtagV2Tests
{
    private const int MiB = TestContent.MiB;

    // §5.2 computed vector: 5 MiB of zeros uploaded as parts of 3 MiB and 2 MiB.
    [Fact]
    public void Compute_Section5_2_UnalignedParts()
    {
        PartEtag[] parts = [Part(TestContent.Zeros(3 * MiB)), Part(TestContent.Zeros(2 * MiB))];
        Assert.Equal("nqdK5lDxTbWemP-ryELKG51PHGvc", EtagV2.Compute(parts));
    }

    // §5.2: parts laid out as 4 MiB blocks give the v1 qetag, not the 0x9e form.
    [Fact]
    public void Compute_Section5_2_BlockAlignedPartsGiveTheV1Qetag()
    {
        PartEtag[] parts = [Part(TestContent.Zeros(4 * MiB)), Part(TestContent.Zeros(MiB))];
        var etag = EtagV2.Compute(parts);
        Assert.Equal("lrMhp7oU8rzWSRlmUeGJ73Q2pVa-", etag);
        Assert.Equal(Qetag.Compute(TestContent.Zeros(5 * MiB)), etag);
        Assert.NotEqual("nrMhp7oU8rzWSRlmUeGJ73Q2pVa-", etag);
    }

    [Fact]
    public void Compute_ThreeAlignedPartsEqualTheContentQetag()
    {
        var content = TestContent.Seeded((8 * MiB) + 7, 42);
        PartEtag[] parts =
        [
            Part(content[..(4 * MiB)]),
            Part(content[(4 * MiB)..(8 * MiB)]),
            Part(content[(8 * MiB)..]),
        ];
        Assert.Equal(Qetag.Compute(content), EtagV2.Compute(parts));
    }

    [Fact]
    public void Compute_OneSmallPartIsItsOwnQetag()
    {
        Assert.Equal("FpLiADEaVoALPkdb8tJEJyRTXoe_", EtagV2.Compute([Part("etag"u8.ToArray())]));
    }

    [Fact]
    public void Compute_OnePartLargerThanABlockUsesThePartsForm()
    {
        var etag = EtagV2.Compute([Part(TestContent.Zeros((4 * MiB) + 1))]);
        Assert.Equal('n', etag[0]);
        Assert.Equal(Qetag.EncodedLength, etag.Length);
    }

    [Fact]
    public void Compute_TrailingEmptyPartsAreIgnoredByTheBlockRule()
    {
        PartEtag[] parts = [Part(TestContent.Zeros(4 * MiB)), Part([])];
        Assert.Equal("FivMvS848VwT631aif2dhfWV4jvD", EtagV2.Compute(parts));
    }

    [Fact]
    public void Compute_NoPartsIsTheEmptyQetag()
    {
        Assert.Equal(Qetag.Empty, EtagV2.Compute([]));
    }

    [Fact]
    public void Compute_RejectsAnEtagThatIsNotAQetag()
    {
        Assert.Throws<FormatException>(() => EtagV2.Compute([new PartEtag(3, "dGVzdA==")]));
        Assert.Throws<FormatException>(() => EtagV2.Compute([new PartEtag(3 * MiB, "FpLiADEaVoALPkdb8tJEJyRTXoe_"), new PartEtag(1, "x")]));
    }

    [Fact]
    public void Compute_RejectsNegativeSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EtagV2.Compute([new PartEtag(-1, Qetag.Empty)]));
    }

    private static PartEtag Part(byte[] content) => new(content.Length, Qetag.Compute(content));
}
