namespace S3.Protocol.Xml;

/// <summary>The answer to ListMultipartUploads (GET ?uploads).</summary>
public sealed class ListMultipartUploadsResult : S3XmlDocument
{
    public required string Bucket { get; init; }

    public string KeyMarker { get; init; } = string.Empty;

    public string UploadIdMarker { get; init; } = string.Empty;

    /// <summary>Written when not null, as is NextUploadIdMarker.</summary>
    public string? NextKeyMarker { get; init; }

    public string? NextUploadIdMarker { get; init; }

    public string? Delimiter { get; init; }

    public string? Prefix { get; init; }

    public int MaxUploads { get; init; } = 1000;

    public bool IsTruncated { get; init; }

    /// <summary>"url" when the request asked for encoding-type=url; keys, prefixes, delimiter and key markers are then encoded.</summary>
    public string? EncodingType { get; init; }

    public IReadOnlyList<S3UploadEntry> Uploads { get; init; } = [];

    public IReadOnlyList<string> CommonPrefixes { get; init; } = [];

    protected override string RootElement => "ListMultipartUploadsResult";

    protected override bool UrlEncodeValues => string.Equals(EncodingType, "url", StringComparison.OrdinalIgnoreCase);

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.ElementAsync("Bucket", Bucket).ConfigureAwait(false);
        await writer.ListingValueAsync("KeyMarker", KeyMarker).ConfigureAwait(false);
        await writer.ElementAsync("UploadIdMarker", UploadIdMarker).ConfigureAwait(false);
        await writer.ListingValueAsync("NextKeyMarker", NextKeyMarker).ConfigureAwait(false);
        await writer.ElementAsync("NextUploadIdMarker", NextUploadIdMarker).ConfigureAwait(false);
        await writer.ListingValueAsync("Delimiter", Delimiter).ConfigureAwait(false);
        await writer.ListingValueAsync("Prefix", Prefix).ConfigureAwait(false);
        await writer.ElementAsync("MaxUploads", MaxUploads).ConfigureAwait(false);
        await writer.ElementAsync("IsTruncated", IsTruncated).ConfigureAwait(false);
        await writer.ElementAsync("EncodingType", EncodingType).ConfigureAwait(false);
        foreach (var upload in Uploads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Upload").ConfigureAwait(false);
            await writer.ListingValueAsync("Key", upload.Key).ConfigureAwait(false);
            await writer.ElementAsync("UploadId", upload.UploadId).ConfigureAwait(false);
            await writer.OwnerAsync("Initiator", upload.Initiator).ConfigureAwait(false);
            await writer.OwnerAsync("Owner", upload.Owner).ConfigureAwait(false);
            await writer.ElementAsync("StorageClass", upload.StorageClass).ConfigureAwait(false);
            await writer.ElementAsync("Initiated", upload.Initiated).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }

        await writer.CommonPrefixesAsync(CommonPrefixes, cancellationToken).ConfigureAwait(false);
    }
}
