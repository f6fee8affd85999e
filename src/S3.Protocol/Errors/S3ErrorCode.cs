namespace S3.Protocol.Errors;

/// <summary>
/// An S3 error code with the HTTP status S3 answers it with and S3's own wording of it, which an
/// <see cref="S3Exception"/> uses when no more specific message is given.
/// </summary>
/// <param name="Code">The value of the Code element, e.g. "NoSuchKey".</param>
/// <param name="HttpStatus">The HTTP status code of the response.</param>
/// <param name="Description">S3's default message for the code.</param>
public sealed record S3ErrorCode(string Code, int HttpStatus, string Description)
{
    public static readonly S3ErrorCode AccessDenied = new("AccessDenied", 403, "Access Denied.");

    public static readonly S3ErrorCode AuthorizationHeaderMalformed =
        new("AuthorizationHeaderMalformed", 400, "The authorization header you provided is invalid.");

    public static readonly S3ErrorCode AuthorizationQueryParametersError =
        new("AuthorizationQueryParametersError", 400, "The authorization query parameters you provided are invalid.");

    public static readonly S3ErrorCode BadDigest =
        new("BadDigest", 400, "The digest you specified did not match what we received.");

    public static readonly S3ErrorCode BucketAlreadyExists = new(
        "BucketAlreadyExists",
        409,
        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Select a different name and try again.");

    public static readonly S3ErrorCode BucketAlreadyOwnedByYou = new(
        "BucketAlreadyOwnedByYou",
        409,
        "The bucket you tried to create already exists, and you own it.");

    public static readonly S3ErrorCode BucketNotEmpty =
        new("BucketNotEmpty", 409, "The bucket you tried to delete is not empty.");

    public static readonly S3ErrorCode EntityTooLarge =
        new("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size.");

    public static readonly S3ErrorCode EntityTooSmall =
        new("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size.");

    public static readonly S3ErrorCode IncompleteBody =
        new("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header.");

    public static readonly S3ErrorCode InternalError =
        new("InternalError", 500, "We encountered an internal error. Please try again.");

    public static readonly S3ErrorCode InvalidAccessKeyId =
        new("InvalidAccessKeyId", 403, "The AWS access key ID you provided does not exist in our records.");

    public static readonly S3ErrorCode InvalidArgument = new("InvalidArgument", 400, "Invalid Argument.");

    public static readonly S3ErrorCode InvalidBucketName =
        new("InvalidBucketName", 400, "The specified bucket is not valid.");

    public static readonly S3ErrorCode InvalidDigest =
        new("InvalidDigest", 400, "The Content-MD5 you specified is not valid.");

    public static readonly S3ErrorCode InvalidPart = new(
        "InvalidPart",
        400,
        "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.");

    public static readonly S3ErrorCode InvalidPartOrder = new(
        "InvalidPartOrder",
        400,
        "The list of parts was not in ascending order. The parts list must be specified in order by part number.");

    public static readonly S3ErrorCode InvalidRange =
        new("InvalidRange", 416, "The requested range is not satisfiable.");

    public static readonly S3ErrorCode InvalidRequest = new("InvalidRequest", 400, "Invalid Request.");

    public static readonly S3ErrorCode InvalidTag =
        new("InvalidTag", 400, "The tag provided was not a valid tag.");

    public static readonly S3ErrorCode KeyTooLongError = new("KeyTooLongError", 400, "Your key is too long.");

    public static readonly S3ErrorCode MalformedXML = new(
        "MalformedXML",
        400,
        "The XML you provided was not well-formed or did not validate against our published schema.");

    public static readonly S3ErrorCode MethodNotAllowed =
        new("MethodNotAllowed", 405, "The specified method is not allowed against this resource.");

    public static readonly S3ErrorCode MissingContentLength =
        new("MissingContentLength", 411, "You must provide the Content-Length HTTP header.");

    public static readonly S3ErrorCode NoSuchBucket = new("NoSuchBucket", 404, "The specified bucket does not exist.");

    public static readonly S3ErrorCode NoSuchKey = new("NoSuchKey", 404, "The specified key does not exist.");

    public static readonly S3ErrorCode NoSuchTagSet = new("NoSuchTagSet", 404, "The TagSet does not exist.");

    public static readonly S3ErrorCode NoSuchUpload = new(
        "NoSuchUpload",
        404,
        "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.");

    public static readonly S3ErrorCode NotImplemented =
        new("NotImplemented", 501, "A header you provided implies functionality that is not implemented.");

    public static readonly S3ErrorCode PreconditionFailed =
        new("PreconditionFailed", 412, "At least one of the preconditions you specified did not hold.");

    public static readonly S3ErrorCode RequestTimeTooSkewed =
        new("RequestTimeTooSkewed", 403, "The difference between the request time and the server's time is too large.");

    public static readonly S3ErrorCode ServiceUnavailable =
        new("ServiceUnavailable", 503, "Please reduce your request rate.");

    public static readonly S3ErrorCode SignatureDoesNotMatch = new(
        "SignatureDoesNotMatch",
        403,
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");

    public static readonly S3ErrorCode SlowDown = new("SlowDown", 503, "Please reduce your request rate.");

    public static readonly S3ErrorCode XAmzContentSHA256Mismatch = new(
        "XAmzContentSHA256Mismatch",
        400,
        "The provided 'x-amz-content-sha256' header does not match what was computed.");

    public override string ToString() => $"{Code} ({HttpStatus})";
}
