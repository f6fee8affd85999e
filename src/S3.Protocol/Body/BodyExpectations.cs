using S3.Protocol.Checksums;

namespace S3.Protocol.Body;

/// <summary>What a request's headers declare of its decoded body.</summary>
internal sealed record BodyExpectations
{
    /// <summary>The decoded length, from x-amz-decoded-content-length or Content-Length.</summary>
    public long? Length { get; init; }

    /// <summary>The header the length came from, for messages.</summary>
    public string LengthHeader { get; init; } = "Content-Length";

    /// <summary>The lower-case hex SHA-256 declared by x-amz-content-sha256.</summary>
    public string? Sha256Hex { get; init; }

    /// <summary>The MD5 declared by Content-MD5.</summary>
    public byte[]? ContentMd5 { get; init; }

    /// <summary>A checksum declared by an x-amz-checksum-* header.</summary>
    public S3Checksum? Checksum { get; init; }

    /// <summary>A checksum the x-amz-trailer header says will follow the body as a trailing header.</summary>
    public S3ChecksumAlgorithm? TrailerChecksum { get; init; }
}
