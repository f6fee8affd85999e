namespace Alluxio.Server.Proxy.S3;

/// <summary>A page of a bucket listing: its objects and common prefixes in key order, and whether more follow.</summary>
internal sealed record S3ListingPage(IReadOnlyList<S3ListedEntry> Entries, bool IsTruncated)
{
    /// <summary>The last key or common prefix of the page, where the next page starts after.</summary>
    public string? LastKey => Entries.Count == 0 ? null : Entries[^1].Key;
}
