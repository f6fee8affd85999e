namespace S3.Protocol.Auth;

/// <summary>How a request identified its sender.</summary>
public enum S3AuthMethod
{
    /// <summary>No Authorization header and no presigned query parameters.</summary>
    Anonymous,

    /// <summary>An Authorization header with AWS4-HMAC-SHA256.</summary>
    AuthorizationHeader,

    /// <summary>Query parameters X-Amz-Algorithm, X-Amz-Credential, ... of a presigned URL.</summary>
    PresignedUrl,

    /// <summary>
    /// A Signature Version 2 Authorization header (AWS access-key:signature), whose access key is taken only when
    /// signatures are not checked.
    /// </summary>
    AuthorizationHeaderV2,
}
