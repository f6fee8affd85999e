namespace S3.Protocol.Xml;

/// <summary>What CopyObject and UploadPartCopy answer: the copy's time and ETag.</summary>
public abstract class S3CopyResult : S3XmlDocument
{
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The ETag, quoted.</summary>
    public required string ETag { get; init; }

    protected sealed override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.ElementAsync("LastModified", LastModified).ConfigureAwait(false);
        await writer.ElementAsync("ETag", ETag).ConfigureAwait(false);
    }
}
