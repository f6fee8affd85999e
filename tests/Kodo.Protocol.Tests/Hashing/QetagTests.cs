using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kodo.Protocol.Hashing;

namespace Kodo.Protocol.Tests.Hashing;

[SuppressMessage("Security", "CA5351", Justification = "The spec cross-checks its test content with MD5.")]
public sealed class QetagTests
{
    private const int MiB = TestContent.MiB;

    // §5.1 vectors over text.
    [Theory]
    [InlineData("", "Fto5o-5ea0sNMlW_75VgGJCv2AcJ")]
    [InlineData("etag", "FpLiADEaVoALPkdb8tJEJyRTXoe_")]
    [InlineData("hello world", "FiqubDXJT8-0FdvpX0CLnOke6Ebt")]
    public void Compute_Section5_1_TextVectors(string text, string expected)
    {
        Assert.Equal(expected, Qetag.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Empty_Section5_1_IsTheQetagOfNothing()
    {
        Assert.Equal(Qetag.Empty, Qetag.Compute([]));
    }

    // §5.1 Python vectors: size-1 zero bytes then '0'.
    [Theory]
    [InlineData(MiB, "FnlAdmDasGTQOIgrU1QIZaGDv_1D")]
    [InlineData((4 * MiB) + 1, "ljF323utglY3GI6AvLgawSJ4_dgk")]
    public void Compute_Section5_1_PythonVectors(int size, string expected)
    {
        var content = TestContent.ZerosEndingInDigit(size);
        Assert.Equal(expected, Qetag.Compute(content));
        Assert.Equal(expected, Qetag.Compute(new MemoryStream(content)));
    }

    // §5.1 Java EtagTest.testFile vectors over TempFile.createFileOld(k).
    [Theory]
    [InlineData(1024, "FqOV9T8l48x1u9dFEOROzwp4b0jr")]
    [InlineData(4096, "FgtlGCfS97kgqopAxq0vvKRA5o_R")]
    [InlineData(5120, "lvtM_iKNnZXkZR8U3Fvi_QQO2yyi")]
    [InlineData(8192, "lhiIbcJgsRrl46LwMD9KHAQRLH2O")]
    [InlineData(9216, "ll1xhlUFKQqynVgMMt_J1TuTrdB1")]
    public async Task ComputeAsync_Section5_1_JavaVectors(int kib, string expected)
    {
        var content = TestContent.JavaTempFile(kib);
        Assert.Equal(expected, await Qetag.ComputeAsync(new MemoryStream(content), TestContext.Current.CancellationToken));
        Assert.Equal(expected, Qetag.Compute(content));
    }

    // §5.1: the cross-check of the Java generator (MD5 and CRC32 of k=1024).
    [Fact]
    public void JavaTempFile_Section5_1_MatchesTheGeneratorCrossCheck()
    {
        var content = TestContent.JavaTempFile(1024);
        Assert.Equal("e4250b73011d804f551f15438199e024", Convert.ToHexStringLower(MD5.HashData(content)));
        Assert.Equal(3321287088u, KodoCrc32.Compute(content));
    }

    // §5.1 computed vectors over zero bytes, around the 4 MiB block boundary.
    [Theory]
    [InlineData(4 * MiB, "FivMvS848VwT631aif2dhfWV4jvD")]
    [InlineData((4 * MiB) + 1, "lhCFgki5yzon0rjN9uJusf6qtsF6")]
    [InlineData(8 * MiB, "lsCVE24-Immdd6zm-ffVVhsWYcDG")]
    public void Compute_Section5_1_ZeroVectors(int size, string expected)
    {
        var content = TestContent.Zeros(size);
        Assert.Equal(expected, Qetag.Compute(content));
        Assert.Equal(expected, AppendInChunks(content, [1, 4095, 65536, 3 * MiB]));
    }

    // §5.1: 'F' for at most one block, 'l' for several; always 28 characters without padding.
    [Theory]
    [InlineData(0, 'F')]
    [InlineData(1, 'F')]
    [InlineData(4 * MiB, 'F')]
    [InlineData((4 * MiB) + 1, 'l')]
    public void Compute_Section5_1_PrefixAndLength(int size, char first)
    {
        var etag = Qetag.Compute(TestContent.Seeded(size, size));
        Assert.Equal(first, etag[0]);
        Assert.Equal(Qetag.EncodedLength, etag.Length);
        Assert.DoesNotContain('=', etag);
    }

    [Fact]
    public void Hasher_ResetsAfterEachEtag()
    {
        using var hasher = new QetagHasher();
        hasher.Append(TestContent.Zeros((4 * MiB) + 1));
        Assert.Equal((4 * MiB) + 1, hasher.BytesHashed);
        Assert.Equal("lhCFgki5yzon0rjN9uJusf6qtsF6", hasher.GetEtagAndReset());
        Assert.Equal(0, hasher.BytesHashed);
        Assert.Equal(Qetag.Empty, hasher.GetEtagAndReset());
        hasher.Append("etag"u8);
        Assert.Equal("FpLiADEaVoALPkdb8tJEJyRTXoe_", hasher.GetEtagAndReset());
    }

    [Fact]
    public void Hasher_WritesTheRawEtag()
    {
        using var hasher = new QetagHasher();
        hasher.Append("etag"u8);
        Span<byte> raw = stackalloc byte[Qetag.EtagSize];
        hasher.GetEtagAndReset(raw);
        Assert.Equal(Qetag.SingleBlockPrefix, raw[0]);
        Assert.Equal("FpLiADEaVoALPkdb8tJEJyRTXoe_", UrlSafeBase64.Encode(raw));
    }

    [Fact]
    public void TryDecode_ReadsOnlyTwentyOneBytes()
    {
        Span<byte> raw = stackalloc byte[Qetag.EtagSize];
        Assert.True(Qetag.TryDecode("FpLiADEaVoALPkdb8tJEJyRTXoe_", raw));
        Assert.False(Qetag.TryDecode("dGVzdA==", raw));
        Assert.False(Qetag.TryDecode("not base64!", raw));
    }

    [Property]
    public bool Streamed_EqualsOneShotAndReference_SmallSizes(byte[] content, PositiveInt[] chunks)
    {
        var expected = TestContent.ReferenceQetag(content);
        return Qetag.Compute(content) == expected
            && AppendInChunks(content, [.. chunks.Select(c => c.Get)]) == expected;
    }

    // Sizes within a few bytes of one and two blocks, cut at random points.
    [Property(MaxTest = 12)]
    public Property Streamed_EqualsReference_AroundTheBlockBoundary()
    {
        var inputs =
            from block in Gen.Elements(4 * MiB, 8 * MiB)
            from delta in Gen.Choose(-3, 3)
            from chunks in Gen.Choose(1, 2 * MiB).ArrayOf()
            from seed in Gen.Choose(0, int.MaxValue)
            select (Size: block + delta, Chunks: chunks, Seed: seed);
        return Prop.ForAll(
            inputs.ToArbitrary(),
            input =>
            {
                var content = TestContent.Seeded(input.Size, input.Seed);
                var expected = TestContent.ReferenceQetag(content);
                return AppendInChunks(content, input.Chunks) == expected
                    && Qetag.Compute(new ChunkedStream(content, input.Chunks)) == expected;
            });
    }

    private static string AppendInChunks(byte[] content, int[] chunks)
    {
        using var hasher = new QetagHasher();
        var offset = 0;
        for (var i = 0; offset < content.Length; i++)
        {
            var size = chunks.Length == 0 ? content.Length : Math.Min(chunks[i % chunks.Length], content.Length - offset);
            hasher.Append(content.AsSpan(offset, size));
            offset += size;
        }

        return hasher.GetEtagAndReset();
    }

    /// <summary>A stream whose reads return the given chunk sizes, as a network stream's would.</summary>
    private sealed class ChunkedStream(byte[] content, int[] chunks) : MemoryStream(content)
    {
        private int _read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var limit = chunks.Length == 0 ? count : Math.Min(count, chunks[_read++ % chunks.Length]);
            return base.Read(buffer, offset, limit);
        }
    }
}
