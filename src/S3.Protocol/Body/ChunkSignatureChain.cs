using S3.Protocol.Auth;
using S3.Protocol.Errors;

namespace S3.Protocol.Body;

/// <summary>
/// Verifies the signatures of an aws-chunked body in order: each chunk's signature covers its data and the
/// signature before it, starting from the request's seed signature, so chunks can be neither altered nor reordered.
/// </summary>
internal sealed class ChunkSignatureChain(StreamingSignatureContext context)
{
    private const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";
    private const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

    private string _previousSignature = context.SeedSignature;
    private int _chunkNumber;

    /// <summary>Checks the signature of the next chunk given the SHA-256 of its data.</summary>
    public void VerifyChunk(ReadOnlySpan<byte> dataSha256, string providedSignature)
    {
        _chunkNumber++;
        var stringToSign =
            $"{ChunkAlgorithm}\n{context.Timestamp}\n{context.Scope}\n{_previousSignature}\n{SigV4Crypto.EmptySha256Hex}\n{Convert.ToHexStringLower(dataSha256)}";
        Advance(stringToSign, providedSignature, $"chunk {_chunkNumber}");
    }

    /// <summary>Checks the signature of the trailing headers, given them as "name:value\n" lines.</summary>
    public void VerifyTrailer(string canonicalTrailers, string providedSignature)
    {
        var stringToSign =
            $"{TrailerAlgorithm}\n{context.Timestamp}\n{context.Scope}\n{_previousSignature}\n{SigV4Crypto.Sha256Hex(canonicalTrailers)}";
        Advance(stringToSign, providedSignature, "the trailing headers");
    }

    private void Advance(string stringToSign, string providedSignature, string what)
    {
        var expected = SigV4Crypto.Sign(context.SigningKey, stringToSign);
        if (!SigV4Crypto.SignaturesEqual(expected, providedSignature))
        {
            throw new S3Exception(
                S3ErrorCode.SignatureDoesNotMatch,
                $"The signature of {what} of the aws-chunked body does not match the data. Check your key and signing method.")
            {
                Details = [new("StringToSign", stringToSign), new("SignatureProvided", providedSignature)],
            };
        }

        _previousSignature = expected;
    }
}
