namespace S3.Protocol.Xml;

/// <summary>The answer to ListObjectsV2 (list-type=2), paged by continuation tokens.</summary>
public sealed class ListBucketV2Result : ListBucketResultBase
{
    /// <summary>The number of keys and common prefixes returned; counted from the lists when not set.</summary>
    public int? KeyCount { get; init; }

    public string? ContinuationToken { get; init; }

    public string? NextContinuationToken { get; init; }

    public string? StartAfter { get; init; }

    private protected override async Task WritePagingAsync(S3XmlWriter writer)
    {
        await writer.ElementAsync("ContinuationToken", ContinuationToken).ConfigureAwait(false);
        await writer.ElementAsync("NextContinuationToken", NextContinuationToken).ConfigureAwait(false);
        await writer.ListingValueAsync("StartAfter", StartAfter).ConfigureAwait(false);
        await writer.ElementAsync("KeyCount", KeyCount ?? (Contents.Count + CommonPrefixes.Count)).ConfigureAwait(false);
    }
}
