using System.Diagnostics.CodeAnalysis;

namespace S3.Protocol.Auth;

/// <summary>How a request's body is declared by x-amz-content-sha256, and so how it is decoded and verified.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Unsigned names S3's UNSIGNED-PAYLOAD, not an integer type.")]
public enum PayloadMode
{
    /// <summary>UNSIGNED-PAYLOAD, or no declaration (anonymous requests, presigned URLs): the body is taken as is.</summary>
    Unsigned,

    /// <summary>The hex SHA-256 of the body, which the body must match.</summary>
    SignedHash,

    /// <summary>STREAMING-AWS4-HMAC-SHA256-PAYLOAD: aws-chunked, each chunk signed in a chain from the seed signature.</summary>
    StreamingSigned,

    /// <summary>STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: signed chunks followed by signed trailing headers.</summary>
    StreamingSignedTrailer,

    /// <summary>STREAMING-UNSIGNED-PAYLOAD-TRAILER: aws-chunked without signatures, followed by trailing headers.</summary>
    StreamingUnsignedTrailer,
}
