using S3.Protocol.Errors;

namespace S3.Protocol.Auth;

/// <summary>
/// The signature inputs of a request, read from its Authorization header or its presigned query parameters,
/// and the error code S3 answers malformed ones of that form with.
/// </summary>
internal sealed record SigV4Authorization
{
    public required S3AuthMethod Method { get; init; }

    /// <summary>AuthorizationHeaderMalformed for the header, AuthorizationQueryParametersError for a presigned URL.</summary>
    public required S3ErrorCode MalformedError { get; init; }

    public required SigV4CredentialScope Credential { get; init; }

    /// <summary>The SignedHeaders value as sent, which the canonical request repeats verbatim.</summary>
    public required string SignedHeadersText { get; init; }

    public required IReadOnlyList<string> SignedHeaders { get; init; }

    public required string Signature { get; init; }

    /// <summary>The request time in ISO 8601 basic form, as the string to sign carries it.</summary>
    public required string Timestamp { get; init; }

    public required DateTimeOffset RequestTime { get; init; }

    /// <summary>X-Amz-Expires of a presigned URL, in seconds.</summary>
    public int? ExpiresSeconds { get; init; }
}
