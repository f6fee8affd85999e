using System.Diagnostics.CodeAnalysis;

namespace S3.Protocol.Checksums;

/// <summary>
/// An additional checksum as S3 carries it: the base64 of the digest, big-endian for the CRCs, in the header or
/// trailer named x-amz-checksum-&lt;algorithm&gt;.
/// </summary>
/// <param name="Algorithm">The checksum's algorithm.</param>
/// <param name="Base64Value">The digest in base64.</param>
public sealed record S3Checksum(S3ChecksumAlgorithm Algorithm, string Base64Value)
{
    /// <summary>The prefix of every checksum header and trailer name.</summary>
    public const string HeaderPrefix = "x-amz-checksum-";

    private static readonly S3ChecksumAlgorithm[] s_algorithms = Enum.GetValues<S3ChecksumAlgorithm>();

    /// <summary>Every algorithm, for looking through a request's headers.</summary>
    public static IReadOnlyList<S3ChecksumAlgorithm> Algorithms => s_algorithms;

    /// <summary>The header or trailer that carries a checksum, e.g. x-amz-checksum-crc32c.</summary>
    public string HeaderName => GetHeaderName(Algorithm);

    /// <summary>The header or trailer that carries a checksum of the algorithm, e.g. x-amz-checksum-crc64nvme.</summary>
    public static string GetHeaderName(S3ChecksumAlgorithm algorithm) => HeaderPrefix + GetName(algorithm);

    /// <summary>The algorithm's name as S3 writes it in x-amz-checksum-algorithm: CRC32, CRC32C, CRC64NVME, SHA1, SHA256.</summary>
    public static string GetName(S3ChecksumAlgorithm algorithm) => algorithm switch
    {
        S3ChecksumAlgorithm.Crc32 => "crc32",
        S3ChecksumAlgorithm.Crc32C => "crc32c",
        S3ChecksumAlgorithm.Crc64Nvme => "crc64nvme",
        S3ChecksumAlgorithm.Sha1 => "sha1",
        S3ChecksumAlgorithm.Sha256 => "sha256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The size of the algorithm's digest in bytes.</summary>
    public static int GetDigestLength(S3ChecksumAlgorithm algorithm) => algorithm switch
    {
        S3ChecksumAlgorithm.Crc32 or S3ChecksumAlgorithm.Crc32C => 4,
        S3ChecksumAlgorithm.Crc64Nvme => 8,
        S3ChecksumAlgorithm.Sha1 => 20,
        S3ChecksumAlgorithm.Sha256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>Reads an algorithm from its name (CRC32C) or its header name (x-amz-checksum-crc32c), in any case.</summary>
    public static bool TryParseAlgorithm(string? name, out S3ChecksumAlgorithm algorithm)
    {
        var text = name.AsSpan().Trim();
        if (text.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[HeaderPrefix.Length..];
        }

        foreach (var candidate in s_algorithms)
        {
            if (text.Equals(GetName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    /// <summary>Reads a checksum value, which must be the base64 of a digest of the algorithm's size.</summary>
    public static bool TryParse(S3ChecksumAlgorithm algorithm, string? base64Value, [NotNullWhen(true)] out S3Checksum? checksum)
    {
        checksum = null;
        var text = base64Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[32];
        if (!Convert.TryFromBase64String(text, digest, out var written) || written != GetDigestLength(algorithm))
        {
            return false;
        }

        checksum = new S3Checksum(algorithm, text);
        return true;
    }

    /// <summary>The checksum of data, as S3 would compute it.</summary>
    public static S3Checksum Compute(S3ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        using var hasher = new S3ChecksumHasher(algorithm);
        hasher.Append(data);
        return hasher.GetChecksum();
    }

    /// <summary>The digest bytes.</summary>
    public byte[] GetDigest() => Convert.FromBase64String(Base64Value);
}
