using S3.Protocol;

namespace Alluxio.Server.Proxy.S3;

/// <summary>Which S3 operation a request is, from its method, whether it names a bucket and a key, its query and headers.</summary>
internal static class S3OperationClassifier
{
    public static S3Operation Classify(string method, bool hasBucket, bool hasKey, IQueryCollection query, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        var copy = headers.ContainsKey(S3CopySource.Header);
        if (!hasBucket)
        {
            return HttpMethods.IsGet(method) ? S3Operation.ListBuckets : S3Operation.Unsupported;
        }

        if (!hasKey)
        {
            return method switch
            {
                _ when HttpMethods.IsGet(method) && query.ContainsKey("tagging") => S3Operation.GetBucketTagging,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("uploads") => S3Operation.ListMultipartUploads,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("location") => S3Operation.GetBucketLocation,
                _ when HttpMethods.IsGet(method) && IsBucketSubresource(query) => S3Operation.Unsupported,
                _ when HttpMethods.IsGet(method) && query["list-type"] == "2" => S3Operation.ListObjectsV2,
                _ when HttpMethods.IsGet(method) => S3Operation.ListObjects,
                _ when HttpMethods.IsHead(method) => S3Operation.HeadBucket,
                _ when HttpMethods.IsPut(method) && query.ContainsKey("tagging") => S3Operation.PutBucketTagging,
                _ when HttpMethods.IsPut(method) && IsBucketSubresource(query) => S3Operation.Unsupported,
                _ when HttpMethods.IsPut(method) => S3Operation.CreateBucket,
                _ when HttpMethods.IsDelete(method) && query.ContainsKey("tagging") => S3Operation.DeleteBucketTagging,
                _ when HttpMethods.IsDelete(method) && IsBucketSubresource(query) => S3Operation.Unsupported,
                _ when HttpMethods.IsDelete(method) => S3Operation.DeleteBucket,
                _ when HttpMethods.IsPost(method) && query.ContainsKey("delete") => S3Operation.DeleteObjects,
                _ => S3Operation.Unsupported,
            };
        }

        return method switch
        {
            _ when HttpMethods.IsGet(method) && query.ContainsKey("uploadId") => S3Operation.ListParts,
            _ when HttpMethods.IsGet(method) && query.ContainsKey("tagging") => S3Operation.GetObjectTagging,
            _ when HttpMethods.IsGet(method) && IsObjectSubresource(query) => S3Operation.Unsupported,
            _ when HttpMethods.IsGet(method) => S3Operation.GetObject,
            _ when HttpMethods.IsHead(method) => S3Operation.HeadObject,
            _ when HttpMethods.IsPut(method) && query.ContainsKey("partNumber") && query.ContainsKey("uploadId") => copy ? S3Operation.UploadPartCopy : S3Operation.UploadPart,
            _ when HttpMethods.IsPut(method) && query.ContainsKey("tagging") => S3Operation.PutObjectTagging,
            _ when HttpMethods.IsPut(method) && IsObjectSubresource(query) => S3Operation.Unsupported,
            _ when HttpMethods.IsPut(method) => copy ? S3Operation.CopyObject : S3Operation.PutObject,
            _ when HttpMethods.IsDelete(method) && query.ContainsKey("uploadId") => S3Operation.AbortMultipartUpload,
            _ when HttpMethods.IsDelete(method) && query.ContainsKey("tagging") => S3Operation.DeleteObjectTagging,
            _ when HttpMethods.IsDelete(method) => S3Operation.DeleteObject,
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploads") => S3Operation.CreateMultipartUpload,
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploadId") => S3Operation.CompleteMultipartUpload,
            _ => S3Operation.Unsupported,
        };
    }

    /// <summary>Bucket sub-resources this API does not serve (versioning, policy, lifecycle, ...): not to be taken for a listing.</summary>
    private static bool IsBucketSubresource(IQueryCollection query) =>
        query.Keys.Any(k => k is "versioning" or "policy" or "lifecycle" or "acl" or "cors" or "website" or "logging" or "notification" or "replication"
            or "encryption" or "object-lock" or "versions" or "accelerate" or "requestPayment" or "ownershipControls" or "publicAccessBlock" or "intelligent-tiering"
            or "inventory" or "metrics" or "analytics");

    private static bool IsObjectSubresource(IQueryCollection query) =>
        query.Keys.Any(k => k is "acl" or "retention" or "legal-hold" or "torrent" or "restore" or "select" or "attributes");
}
