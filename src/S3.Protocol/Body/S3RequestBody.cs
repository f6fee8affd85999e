using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using S3.Protocol.Auth;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;

namespace S3.Protocol.Body;

/// <summary>Opens a request's body as S3 reads it: decoded from aws-chunked and checked against its declarations.</summary>
public static class S3RequestBody
{
    /// <summary>The header that gives the length of an aws-chunked body once decoded.</summary>
    public const string DecodedContentLengthHeader = "x-amz-decoded-content-length";

    /// <summary>The header that names the trailing headers an aws-chunked body will end with.</summary>
    public const string TrailerHeader = "x-amz-trailer";

    /// <summary>The Content-Encoding token of a chunked, possibly signed, S3 upload.</summary>
    public const string AwsChunkedEncoding = "aws-chunked";

    /// <summary>
    /// Opens the body of a request whose principal <see cref="SigV4Verifier.Verify"/> returned. Malformed
    /// declarations (Content-MD5, x-amz-checksum-*, x-amz-decoded-content-length, x-amz-trailer) throw here; the
    /// content itself is checked as the returned stream is read.
    /// </summary>
    /// <exception cref="S3Exception">A declaration about the body is malformed.</exception>
    public static S3BodyStream OpenBody(HttpRequest request, S3Principal principal)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(principal);
        var headers = request.Headers;
        var isChunked = principal.Payload is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer ||
            HasAwsChunkedEncoding(headers[HeaderNames.ContentEncoding].ToString());
        var checksum = ReadChecksumHeader(headers);
        var trailerChecksum = isChunked ? ReadTrailerChecksumDeclaration(headers) : null;
        if (checksum is not null && trailerChecksum is not null)
        {
            throw new S3Exception(
                S3ErrorCode.InvalidRequest,
                "Expecting a single x-amz-checksum- header or trailer; this request declares both.");
        }

        var expectations = new BodyExpectations
        {
            Length = isChunked ? ReadDecodedContentLength(headers) : request.ContentLength,
            LengthHeader = isChunked ? DecodedContentLengthHeader : HeaderNames.ContentLength,
            Sha256Hex = principal.PayloadSha256,
            ContentMd5 = ReadContentMd5(headers),
            Checksum = checksum,
            TrailerChecksum = trailerChecksum,
        };

        PayloadReader payload = isChunked
            ? new AwsChunkedPayloadReader(
                request.Body,
                new AwsChunkedDecoder(
                    principal.Streaming is { } streaming ? new ChunkSignatureChain(streaming) : null,
                    allowTrailers: principal.Payload is PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer ||
                        headers.ContainsKey(TrailerHeader),
                    trailerSignatureRequired: principal.Payload == PayloadMode.StreamingSignedTrailer))
            : new IdentityPayloadReader(request.Body);
        return new S3BodyStream(payload, new BodyVerifier(expectations), expectations.Length);
    }

    /// <summary>
    /// The Content-Encoding to store with an object: the request's without aws-chunked, which describes only the
    /// upload; null when nothing else remains.
    /// </summary>
    public static string? StoredContentEncoding(string? contentEncoding)
    {
        if (string.IsNullOrWhiteSpace(contentEncoding))
        {
            return null;
        }

        var remaining = contentEncoding
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(token => !token.Equals(AwsChunkedEncoding, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return remaining.Length == 0 ? null : string.Join(",", remaining);
    }

    private static bool HasAwsChunkedEncoding(string contentEncoding) =>
        contentEncoding
            .Split(',', StringSplitOptions.TrimEntries)
            .Any(token => token.Equals(AwsChunkedEncoding, StringComparison.OrdinalIgnoreCase));

    private static long? ReadDecodedContentLength(IHeaderDictionary headers)
    {
        var values = headers[DecodedContentLengthHeader];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "x-amz-decoded-content-length must be a single non-negative number of bytes.");
        }

        return length;
    }

    private static byte[]? ReadContentMd5(IHeaderDictionary headers)
    {
        var values = headers[HeaderNames.ContentMD5];
        if (values.Count == 0)
        {
            return null;
        }

        var md5 = new byte[16];
        if (values.Count > 1 || !Convert.TryFromBase64String(values[0]?.Trim() ?? string.Empty, md5, out var written) || written != md5.Length)
        {
            throw new S3Exception(S3ErrorCode.InvalidDigest, "The Content-MD5 you specified is not valid: it must be the base64 of a 16-byte MD5 digest.");
        }

        return md5;
    }

    private static S3Checksum? ReadChecksumHeader(IHeaderDictionary headers)
    {
        S3Checksum? found = null;
        foreach (var algorithm in S3Checksum.Algorithms)
        {
            var name = S3Checksum.GetHeaderName(algorithm);
            var values = headers[name];
            if (values.Count == 0)
            {
                continue;
            }

            if (found is not null)
            {
                throw new S3Exception(
                    S3ErrorCode.InvalidRequest,
                    "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }

            if (values.Count > 1 || !S3Checksum.TryParse(algorithm, values[0], out found))
            {
                throw new S3Exception(S3ErrorCode.InvalidRequest, $"Value for {name} header is invalid.");
            }
        }

        return found;
    }

    private static S3ChecksumAlgorithm? ReadTrailerChecksumDeclaration(IHeaderDictionary headers)
    {
        S3ChecksumAlgorithm? declared = null;
        foreach (var name in headers[TrailerHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!name.StartsWith(S3Checksum.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!S3Checksum.TryParseAlgorithm(name, out var algorithm))
            {
                throw new S3Exception(S3ErrorCode.InvalidRequest, $"The x-amz-trailer header names an unknown checksum, {name}.");
            }

            if (declared is not null)
            {
                throw new S3Exception(S3ErrorCode.InvalidRequest, "Expecting a single x-amz-checksum- trailer. Multiple checksum Types are not allowed.");
            }

            declared = algorithm;
        }

        return declared;
    }
}
