namespace S3.Protocol.Xml;

/// <summary>
/// What ListObjects (v1) and ListObjectsV2 share: both answer with a ListBucketResult of Contents and
/// CommonPrefixes and differ only in how they page.
/// </summary>
public abstract class ListBucketResultBase : S3XmlDocument
{
    /// <summary>The bucket's name.</summary>
    public required string Name { get; init; }

    public string Prefix { get; init; } = string.Empty;

    public string? Delimiter { get; init; }

    public int MaxKeys { get; init; } = 1000;

    public bool IsTruncated { get; init; }

    /// <summary>"url" when the request asked for encoding-type=url; keys, prefixes, delimiter and markers are then encoded.</summary>
    public string? EncodingType { get; init; }

    public IReadOnlyList<S3ObjectEntry> Contents { get; init; } = [];

    public IReadOnlyList<string> CommonPrefixes { get; init; } = [];

    protected sealed override string RootElement => "ListBucketResult";

    protected sealed override bool UrlEncodeValues => string.Equals(EncodingType, "url", StringComparison.OrdinalIgnoreCase);

    protected sealed override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.ElementAsync("Name", Name).ConfigureAwait(false);
        await writer.ListingValueAsync("Prefix", Prefix).ConfigureAwait(false);
        await WritePagingAsync(writer).ConfigureAwait(false);
        await writer.ElementAsync("MaxKeys", MaxKeys).ConfigureAwait(false);
        await writer.ListingValueAsync("Delimiter", Delimiter).ConfigureAwait(false);
        await writer.ElementAsync("IsTruncated", IsTruncated).ConfigureAwait(false);
        await writer.ElementAsync("EncodingType", EncodingType).ConfigureAwait(false);
        foreach (var entry in Contents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Contents").ConfigureAwait(false);
            await writer.ListingValueAsync("Key", entry.Key).ConfigureAwait(false);
            await writer.ElementAsync("LastModified", entry.LastModified).ConfigureAwait(false);
            await writer.ElementAsync("ETag", entry.ETag).ConfigureAwait(false);
            await writer.ElementAsync("Size", entry.Size).ConfigureAwait(false);
            await writer.ElementAsync("StorageClass", entry.StorageClass).ConfigureAwait(false);
            await writer.OwnerAsync("Owner", entry.Owner).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }

        await writer.CommonPrefixesAsync(CommonPrefixes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the version's paging elements, which follow Prefix.</summary>
    private protected abstract Task WritePagingAsync(S3XmlWriter writer);
}
