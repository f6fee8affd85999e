namespace S3.Protocol.Xml;

/// <summary>The answer to ListParts (GET ?uploadId=).</summary>
public sealed class ListPartsResult : S3XmlDocument
{
    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required string UploadId { get; init; }

    public S3Owner? Initiator { get; init; }

    public S3Owner? Owner { get; init; }

    public string StorageClass { get; init; } = "STANDARD";

    public int PartNumberMarker { get; init; }

    /// <summary>Where the next page starts; written when not null.</summary>
    public int? NextPartNumberMarker { get; init; }

    public int MaxParts { get; init; } = 1000;

    public bool IsTruncated { get; init; }

    public IReadOnlyList<S3PartEntry> Parts { get; init; } = [];

    protected override string RootElement => "ListPartsResult";

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.ElementAsync("Bucket", Bucket).ConfigureAwait(false);
        await writer.ElementAsync("Key", Key).ConfigureAwait(false);
        await writer.ElementAsync("UploadId", UploadId).ConfigureAwait(false);
        await writer.OwnerAsync("Initiator", Initiator).ConfigureAwait(false);
        await writer.OwnerAsync("Owner", Owner).ConfigureAwait(false);
        await writer.ElementAsync("StorageClass", StorageClass).ConfigureAwait(false);
        await writer.ElementAsync("PartNumberMarker", PartNumberMarker).ConfigureAwait(false);
        await writer.ElementAsync("NextPartNumberMarker", NextPartNumberMarker).ConfigureAwait(false);
        await writer.ElementAsync("MaxParts", MaxParts).ConfigureAwait(false);
        await writer.ElementAsync("IsTruncated", IsTruncated).ConfigureAwait(false);
        foreach (var part in Parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Part").ConfigureAwait(false);
            await writer.ElementAsync("PartNumber", part.PartNumber).ConfigureAwait(false);
            await writer.ElementAsync("LastModified", part.LastModified).ConfigureAwait(false);
            await writer.ElementAsync("ETag", part.ETag).ConfigureAwait(false);
            await writer.ElementAsync("Size", part.Size).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }
    }
}
