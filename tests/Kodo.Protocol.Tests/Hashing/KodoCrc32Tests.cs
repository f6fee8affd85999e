using System.Text;
using Kodo.Protocol.Hashing;

namespace Kodo.Protocol.Tests.Hashing;

public sealed class KodoCrc32Tests
{
    // §1.4 vectors.
    [Theory]
    [InlineData("etag", 3514087100u)]
    [InlineData("hello world", 222957957u)]
    public void Compute_Section1_4_TextVectors(string text, uint expected)
    {
        Assert.Equal(expected, KodoCrc32.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData(4, 289882218u)]
    [InlineData(2, 2374600574u)]
    public void Compute_Section1_4_ZeroVectors(int mebibytes, uint expected)
    {
        Assert.Equal(expected, KodoCrc32.Compute(TestContent.Zeros(mebibytes * TestContent.MiB)));
    }

    [Fact]
    public async Task ComputeAsync_MatchesOneShot()
    {
        var content = TestContent.Zeros(4 * TestContent.MiB);
        using var stream = new MemoryStream(content);
        Assert.Equal(289882218u, await KodoCrc32.ComputeAsync(stream, TestContext.Current.CancellationToken));
    }

    // §1.4: always an unsigned decimal.
    [Fact]
    public void Format_IsUnsignedDecimal()
    {
        Assert.Equal("3514087100", KodoCrc32.Format(3514087100u));
        Assert.Equal("4294967295", KodoCrc32.Format(uint.MaxValue));
        Assert.Equal("0", KodoCrc32.Format(0));
    }

    [Theory]
    [InlineData("3514087100", true, 3514087100u)]
    [InlineData("4294967295", true, uint.MaxValue)]
    [InlineData("4294967296", false, 0u)]
    [InlineData("-1", false, 0u)]
    [InlineData(" 1", false, 0u)]
    [InlineData("0x10", false, 0u)]
    [InlineData("", false, 0u)]
    public void TryParse_AcceptsOnlyUnsignedDecimal(string text, bool ok, uint expected)
    {
        Assert.Equal(ok, KodoCrc32.TryParse(text, out var crc));
        Assert.Equal(expected, crc);
    }

    [Fact]
    public void Parse_ThrowsOnBadText()
    {
        Assert.Equal(222957957u, KodoCrc32.Parse("222957957"));
        Assert.Throws<FormatException>(() => KodoCrc32.Parse("abc"));
    }
}
