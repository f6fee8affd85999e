using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using S3.Protocol.Checksums;

namespace S3.Protocol.Tests.Checksums;

public sealed class S3ChecksumTests
{
    private static readonly byte[] s_checkInput = Encoding.ASCII.GetBytes("123456789");

    // The check values of the CRC catalogue, written big-endian as S3 encodes them.
    [Theory]
    [InlineData(S3ChecksumAlgorithm.Crc32, 0xCBF43926UL)]
    [InlineData(S3ChecksumAlgorithm.Crc32C, 0xE3069283UL)]
    [InlineData(S3ChecksumAlgorithm.Crc64Nvme, 0xAE8B14860A799888UL)]
    public void Crcs_MatchTheirCheckValues(S3ChecksumAlgorithm algorithm, ulong check)
    {
        var digest = S3Checksum.Compute(algorithm, s_checkInput).GetDigest();
        var value = digest.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(digest) : BinaryPrimitives.ReadUInt64BigEndian(digest);
        Assert.Equal(check, value);
    }

    [Fact]
    public void ShaChecksums_AreBase64OfTheDigest()
    {
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(s_checkInput)), S3Checksum.Compute(S3ChecksumAlgorithm.Sha256, s_checkInput).Base64Value);
        Assert.Equal(20, S3Checksum.Compute(S3ChecksumAlgorithm.Sha1, s_checkInput).GetDigest().Length);
    }

    [Fact]
    public void Hasher_GivesTheSameChecksumInPieces()
    {
        using var hasher = new S3ChecksumHasher(S3ChecksumAlgorithm.Crc32C);
        hasher.Append(s_checkInput.AsSpan(0, 4));
        hasher.Append(s_checkInput.AsSpan(4));
        Assert.Equal(S3Checksum.Compute(S3ChecksumAlgorithm.Crc32C, s_checkInput), hasher.GetChecksum());
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32c", S3ChecksumAlgorithm.Crc32C)]
    [InlineData("CRC64NVME", S3ChecksumAlgorithm.Crc64Nvme)]
    [InlineData("sha1", S3ChecksumAlgorithm.Sha1)]
    public void Algorithms_AreReadFromNamesAndHeaderNames(string name, S3ChecksumAlgorithm expected)
    {
        Assert.True(S3Checksum.TryParseAlgorithm(name, out var algorithm));
        Assert.Equal(expected, algorithm);
        Assert.False(S3Checksum.TryParseAlgorithm("md5", out _));
    }

    [Theory]
    [InlineData(S3ChecksumAlgorithm.Crc32, "AAAAAA==", true)]
    [InlineData(S3ChecksumAlgorithm.Crc32, "AAAAAAAAAAA=", false)]
    [InlineData(S3ChecksumAlgorithm.Crc64Nvme, "AAAAAAAAAAA=", true)]
    [InlineData(S3ChecksumAlgorithm.Sha256, "not base64!", false)]
    [InlineData(S3ChecksumAlgorithm.Sha256, "", false)]
    public void Values_MustBeBase64OfTheDigestSize(S3ChecksumAlgorithm algorithm, string value, bool valid)
    {
        Assert.Equal(valid, S3Checksum.TryParse(algorithm, value, out _));
    }
}
