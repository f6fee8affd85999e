namespace S3.Protocol.Errors;

/// <summary>
/// A request that S3 answers with an error document. The message is what the client reads in the Message
/// element, so it should say what was wrong in a way the person sending the request can act on.
/// </summary>
public sealed class S3Exception : Exception
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> s_noDetails = [];

    /// <param name="error">The S3 error code and HTTP status.</param>
    /// <param name="message">The Message element; S3's default wording of the code when null.</param>
    /// <param name="resource">The Resource element: the bucket or object the request was for, if any.</param>
    public S3Exception(S3ErrorCode error, string? message = null, string? resource = null, Exception? innerException = null)
        : base(message ?? (error ?? throw new ArgumentNullException(nameof(error))).Description, innerException)
    {
        Error = error;
        Resource = resource;
    }

    public S3ErrorCode Error { get; }

    public string? Resource { get; }

    /// <summary>
    /// Extra elements S3 adds to some errors after the Message, in order (e.g. Key for NoSuchKey, BucketName for
    /// NoSuchBucket, StringToSign for SignatureDoesNotMatch, ServerTime for RequestTimeTooSkewed).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = s_noDetails;
}
