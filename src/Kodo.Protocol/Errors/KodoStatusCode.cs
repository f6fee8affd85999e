namespace Kodo.Protocol.Errors;

/// <summary>
/// The HTTP status codes Kodo answers with, including its own 5xx/6xx/7xx codes that HttpStatusCode lacks and
/// that decide whether an SDK retries.
/// </summary>
public enum KodoStatusCode
{
    Ok = 200,
    PartialContent = 206,

    /// <summary>Some operations of a batch failed.</summary>
    BatchPartialSuccess = 298,

    /// <summary>Malformed request, or an upload sent to another region's host.</summary>
    BadRequest = 400,

    /// <summary>Missing, bad or expired token or signature.</summary>
    Unauthorized = 401,

    /// <summary>Key outside the token's scope, MIME or size limit, or X-Qiniu-Date too skewed.</summary>
    Forbidden = 403,

    /// <summary>Missing resource on a download domain.</summary>
    NotFound = 404,
    MethodNotAllowed = 405,

    /// <summary>The uploaded data does not match its CRC32.</summary>
    CrcMismatch = 406,

    /// <summary>The upload is larger than the policy's fsizeLimit.</summary>
    EntityTooLarge = 413,
    AccountFrozen = 419,
    MirrorSourceFailed = 478,

    /// <summary>The operation is not implemented by this service.</summary>
    NotImplemented = 501,
    BadGateway = 502,
    ServiceUnavailable = 503,
    GatewayTimeout = 504,

    /// <summary>A single object is accessed too often.</summary>
    ObjectAccessTooFrequent = 573,

    /// <summary>The upload succeeded but the callback to the application failed.</summary>
    CallbackFailed = 579,
    /// <summary>The bucket's traffic or bandwidth quota is exceeded.</summary>
    BandwidthLimitExceeded = 509,
    ServerOperationFailed = 599,
    ContentModified = 608,

    /// <summary>The object, upload id or bucket-info target does not exist.</summary>
    NoSuchEntry = 612,

    /// <summary>The target object already exists.</summary>
    EntryExists = 614,

    /// <summary>A restriction on a shared bucket.</summary>
    SharedBucketRestricted = 616,

    /// <summary>A restriction on an operation on a shared bucket.</summary>
    SharedBucketOperationRestricted = 618,

    /// <summary>The account already has the maximum number of buckets.</summary>
    TooManyBuckets = 630,
    NoSuchBucket = 631,

    /// <summary>The share limit is reached.</summary>
    ShareLimitReached = 632,

    /// <summary>The list marker is not valid.</summary>
    InvalidMarker = 640,

    /// <summary>A resumable upload context expired, or was sent to the wrong up host.</summary>
    UploadContextExpired = 701,
}
