namespace Alluxio.Server.Proxy.S3;

/// <summary>A listing page with what the request asked, as ListBucketResult (v1 or v2) reports them.</summary>
internal sealed record S3Listing(
    string Bucket,
    string Prefix,
    string Delimiter,
    int MaxKeys,
    bool UrlEncoded,
    S3ListingPage Page,
    string? Marker,
    string? ContinuationToken,
    string? NextContinuationToken,
    string StartAfter,
    bool FetchOwner);
