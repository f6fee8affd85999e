using System.Security.Cryptography;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;

namespace S3.Protocol.Body;

/// <summary>
/// Hashes the decoded body as it passes and, at its end, checks it against everything the request declared of
/// it: length, x-amz-content-sha256, Content-MD5 and an x-amz-checksum-* header or trailer. The MD5 is always
/// kept, since it is the ETag of a single upload.
/// </summary>
internal sealed class BodyVerifier : IDisposable
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IncrementalHash? _sha256;
    private readonly S3ChecksumHasher? _checksumHasher;
    private readonly BodyExpectations _expected;
    private long _length;

    public BodyVerifier(BodyExpectations expected)
    {
        _expected = expected;
        if (expected.Sha256Hex is not null)
        {
            _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }

        var checksumAlgorithm = expected.Checksum?.Algorithm ?? expected.TrailerChecksum;
        if (checksumAlgorithm is { } algorithm)
        {
            _checksumHasher = new S3ChecksumHasher(algorithm);
        }
    }

    /// <summary>The number of decoded bytes seen so far.</summary>
    public long Length => _length;

    /// <summary>The MD5 of the body, once <see cref="Complete"/> has passed.</summary>
    public byte[]? ContentMd5 { get; private set; }

    /// <summary>The verified checksum, once <see cref="Complete"/> has passed, if the request carried one.</summary>
    public S3Checksum? Checksum { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        if (_expected.Length is { } declared && _length > declared)
        {
            throw new S3Exception(
                S3ErrorCode.IncompleteBody,
                $"The body holds more than the {declared} bytes its {_expected.LengthHeader} header declares.");
        }

        _md5.AppendData(data);
        _sha256?.AppendData(data);
        _checksumHasher?.Append(data);
    }

    /// <summary>Checks the whole body against what was declared, the trailers included.</summary>
    public void Complete(IReadOnlyList<KeyValuePair<string, string>> trailers)
    {
        if (_expected.Length is { } declared && _length != declared)
        {
            throw new S3Exception(
                S3ErrorCode.IncompleteBody,
                $"The body holds {_length} bytes, but its {_expected.LengthHeader} header declares {declared}.");
        }

        if (_sha256 is not null)
        {
            var computed = Convert.ToHexStringLower(_sha256.GetHashAndReset());
            if (!string.Equals(computed, _expected.Sha256Hex, StringComparison.OrdinalIgnoreCase))
            {
                throw new S3Exception(S3ErrorCode.XAmzContentSHA256Mismatch)
                {
                    Details = [new("ClientComputedContentSHA256", _expected.Sha256Hex!), new("S3ComputedContentSHA256", computed)],
                };
            }
        }

        var md5 = _md5.GetHashAndReset();
        if (_expected.ContentMd5 is { } declaredMd5 && !md5.AsSpan().SequenceEqual(declaredMd5))
        {
            throw new S3Exception(S3ErrorCode.BadDigest, "The Content-MD5 you specified did not match what we received.")
            {
                Details = [new("ExpectedDigest", Convert.ToBase64String(declaredMd5)), new("CalculatedDigest", Convert.ToBase64String(md5))],
            };
        }

        if (_checksumHasher is not null)
        {
            var declaredChecksum = _expected.Checksum ?? ReadTrailerChecksum(trailers, _checksumHasher.Algorithm);
            var computed = _checksumHasher.GetChecksum();
            if (!declaredChecksum.GetDigest().AsSpan().SequenceEqual(computed.GetDigest()))
            {
                throw new S3Exception(
                    S3ErrorCode.BadDigest,
                    $"The {S3Checksum.GetName(computed.Algorithm).ToUpperInvariant()} you specified did not match the calculated checksum.");
            }

            Checksum = computed;
        }

        RejectUndeclaredChecksumTrailers(trailers, _expected.TrailerChecksum);
        ContentMd5 = md5;
    }

    public void Dispose()
    {
        _md5.Dispose();
        _sha256?.Dispose();
        _checksumHasher?.Dispose();
    }

    private static S3Checksum ReadTrailerChecksum(IReadOnlyList<KeyValuePair<string, string>> trailers, S3ChecksumAlgorithm algorithm)
    {
        var name = S3Checksum.GetHeaderName(algorithm);
        foreach (var (trailerName, value) in trailers)
        {
            if (trailerName == name)
            {
                return S3Checksum.TryParse(algorithm, value, out var checksum)
                    ? checksum
                    : throw new S3Exception(S3ErrorCode.InvalidRequest, $"Value for {name} trailing header is invalid.");
            }
        }

        throw new S3Exception(
            S3ErrorCode.InvalidRequest,
            $"The x-amz-trailer header declares {name}, but the body carries no such trailing header.");
    }

    // A checksum trailer that was not declared up front was not computed, so it cannot be honoured.
    private static void RejectUndeclaredChecksumTrailers(IReadOnlyList<KeyValuePair<string, string>> trailers, S3ChecksumAlgorithm? declared)
    {
        foreach (var (name, _) in trailers)
        {
            if (S3Checksum.TryParseAlgorithm(name, out var algorithm) && name.StartsWith(S3Checksum.HeaderPrefix, StringComparison.Ordinal) &&
                algorithm != declared)
            {
                throw new S3Exception(
                    S3ErrorCode.InvalidRequest,
                    $"The trailing header {name} was not declared in the x-amz-trailer header.");
            }
        }
    }
}
