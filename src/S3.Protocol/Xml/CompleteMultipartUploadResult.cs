namespace S3.Protocol.Xml;

/// <summary>The answer to CompleteMultipartUpload (POST ?uploadId=).</summary>
public sealed class CompleteMultipartUploadResult : S3XmlDocument
{
    /// <summary>The URL of the new object.</summary>
    public required string Location { get; init; }

    public required string Bucket { get; init; }

    public required string Key { get; init; }

    /// <summary>The multipart ETag, quoted, e.g. "3858f62230ac3c915f300c664312c11f-9".</summary>
    public required string ETag { get; init; }

    protected override string RootElement => "CompleteMultipartUploadResult";

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.ElementAsync("Location", Location).ConfigureAwait(false);
        await writer.ElementAsync("Bucket", Bucket).ConfigureAwait(false);
        await writer.ElementAsync("Key", Key).ConfigureAwait(false);
        await writer.ElementAsync("ETag", ETag).ConfigureAwait(false);
    }
}
