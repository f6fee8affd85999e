namespace S3.Protocol.Xml;

/// <summary>The answer to CreateMultipartUpload (POST ?uploads).</summary>
public sealed class InitiateMultipartUploadResult : S3XmlDocument
{
    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required string UploadId { get; init; }

    protected override string RootElement => "InitiateMultipartUploadResult";

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.ElementAsync("Bucket", Bucket).ConfigureAwait(false);
        await writer.ElementAsync("Key", Key).ConfigureAwait(false);
        await writer.ElementAsync("UploadId", UploadId).ConfigureAwait(false);
    }
}
