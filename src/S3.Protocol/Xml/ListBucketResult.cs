namespace S3.Protocol.Xml;

/// <summary>The answer to ListObjects (v1), paged by Marker.</summary>
public sealed class ListBucketResult : ListBucketResultBase
{
    public string Marker { get; init; } = string.Empty;

    /// <summary>
    /// Where the next page starts; S3 sends it only when the listing is truncated and a delimiter was given
    /// (otherwise clients continue from the last key), and so is it written here.
    /// </summary>
    public string? NextMarker { get; init; }

    private protected override async Task WritePagingAsync(S3XmlWriter writer)
    {
        await writer.ListingValueAsync("Marker", Marker).ConfigureAwait(false);
        if (IsTruncated && !string.IsNullOrEmpty(Delimiter))
        {
            await writer.ListingValueAsync("NextMarker", NextMarker).ConfigureAwait(false);
        }
    }
}
