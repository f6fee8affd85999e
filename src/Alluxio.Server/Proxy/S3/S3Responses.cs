using Alluxio.Client;
using S3.Protocol.Xml;

namespace Alluxio.Server.Proxy.S3;

/// <summary>The XML answers of the proxy's S3 operations, made from the namespace's statuses.</summary>
internal static class S3Responses
{
    public static Task ListBucketsAsync(HttpResponse response, string user, IReadOnlyList<UriStatus> buckets, CancellationToken cancellationToken) =>
        new ListAllMyBucketsResult
        {
            Owner = new S3Owner(user, user),
            Buckets = [.. buckets.Select(b => new S3BucketEntry(b.Name, DateTimeOffset.FromUnixTimeMilliseconds(b.CreationTimeMs)))],
        }.WriteToAsync(response, cancellationToken);

    public static Task LocationConstraintAsync(HttpResponse response, CancellationToken cancellationToken) =>
        new LocationConstraint().WriteToAsync(response, cancellationToken);

    public static Task ListObjectsAsync(HttpResponse response, S3Listing listing, bool v2, CancellationToken cancellationToken)
    {
        var withOwner = !v2 || listing.FetchOwner;
        var contents = listing.Page.Entries
            .Where(e => !e.IsCommonPrefix)
            .Select(e => new S3ObjectEntry
            {
                Key = e.Key,
                LastModified = e.Status!.LastModificationTime,
                ETag = S3Namespace.ETagOf(e.Status),
                Size = e.Status.IsFolder ? 0 : e.Status.Length,
                Owner = withOwner ? new S3Owner(e.Status.Owner, e.Status.Owner) : null,
            })
            .ToList();
        var prefixes = listing.Page.Entries.Where(e => e.IsCommonPrefix).Select(e => e.Key).ToList();
        var encoding = listing.UrlEncoded ? "url" : null;
        var delimiter = listing.Delimiter.Length == 0 ? null : listing.Delimiter;
        S3XmlDocument document = v2
            ? new ListBucketV2Result
            {
                Name = listing.Bucket,
                Prefix = listing.Prefix,
                Delimiter = delimiter,
                MaxKeys = listing.MaxKeys,
                IsTruncated = listing.Page.IsTruncated,
                EncodingType = encoding,
                Contents = contents,
                CommonPrefixes = prefixes,
                ContinuationToken = listing.ContinuationToken,
                NextContinuationToken = listing.NextContinuationToken,
                StartAfter = listing.StartAfter.Length == 0 ? null : listing.StartAfter,
            }
            : new ListBucketResult
            {
                Name = listing.Bucket,
                Prefix = listing.Prefix,
                Delimiter = delimiter,
                MaxKeys = listing.MaxKeys,
                IsTruncated = listing.Page.IsTruncated,
                EncodingType = encoding,
                Contents = contents,
                CommonPrefixes = prefixes,
                Marker = listing.Marker ?? "",
                NextMarker = listing.Page.IsTruncated ? listing.Page.LastKey : null,
            };
        return document.WriteToAsync(response, cancellationToken);
    }

    public static Task DeleteResultAsync(HttpResponse response, IReadOnlyList<S3DeleteOutcome> outcomes, bool quiet, CancellationToken cancellationToken) =>
        new DeleteResult
        {
            // Quiet mode reports the failures only.
            Deleted = quiet ? [] : [.. outcomes.Where(o => o.Error is null).Select(o => new S3DeletedObject(o.Key))],
            Errors = [.. outcomes.Where(o => o.Error is not null).Select(o => new S3DeleteError(o.Key, o.Error!.Error.Code, o.Error.Message))],
        }.WriteToAsync(response, cancellationToken);

    public static Task CopyObjectResultAsync(HttpResponse response, S3PutResult result, CancellationToken cancellationToken) =>
        new CopyObjectResult { LastModified = result.Status.LastModificationTime, ETag = result.ETag }.WriteToAsync(response, cancellationToken);
}
