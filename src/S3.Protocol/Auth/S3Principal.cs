namespace S3.Protocol.Auth;

/// <summary>Who sent a request and how its body is to be read, as <see cref="SigV4Verifier.Verify"/> found.</summary>
public sealed class S3Principal
{
    internal S3Principal(
        string? accessKey,
        S3AuthMethod method,
        PayloadMode payload,
        string? payloadSha256 = null,
        string? region = null,
        bool isSignatureVerified = false,
        StreamingSignatureContext? streaming = null)
    {
        AccessKey = accessKey;
        Method = method;
        Payload = payload;
        PayloadSha256 = payloadSha256;
        Region = region;
        IsSignatureVerified = isSignatureVerified;
        Streaming = streaming;
    }

    /// <summary>The access key the request was signed with; null for an anonymous request.</summary>
    public string? AccessKey { get; }

    /// <summary>True for a request without any authentication; the server decides whether to allow it.</summary>
    public bool IsAnonymous => AccessKey is null;

    public S3AuthMethod Method { get; }

    public PayloadMode Payload { get; }

    /// <summary>The lower-case hex SHA-256 the body must have, when <see cref="Payload"/> is SignedHash.</summary>
    public string? PayloadSha256 { get; }

    /// <summary>The region of the credential scope, when the request was signed with Signature V4.</summary>
    public string? Region { get; }

    /// <summary>True when the request's signature was checked against the secret key (and matched).</summary>
    public bool IsSignatureVerified { get; }

    /// <summary>The chain of chunk signatures to check, when the signature was verified and the body is signed chunks.</summary>
    internal StreamingSignatureContext? Streaming { get; }
}
