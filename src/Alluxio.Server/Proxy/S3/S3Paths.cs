namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// Where S3 names live in the namespace, as in Alluxio: a bucket is a top-level directory, or a nested one when its
/// name holds ':' (bucket "a:b" is /a/b); an object is the file at the bucket's path and its key.
/// </summary>
internal static class S3Paths
{
    /// <summary>Names starting so are the proxy's own (uploads in progress) and are never listed.</summary>
    public const string HiddenPrefix = ".alluxio_s3_";

    public static string Bucket(string bucket) => "/" + bucket.Replace(':', '/');

    /// <summary>The file of <paramref name="key"/>; a key ending in "/" names the directory.</summary>
    public static string Object(string bucket, string key) => Bucket(bucket) + "/" + key.TrimEnd('/');

    /// <summary>The folder of a bucket's multipart uploads in progress, one directory each, named by upload id.</summary>
    public static string Uploads(string bucket) => Bucket(bucket) + "/" + HiddenPrefix + "uploads";

    /// <summary>Where a PUT writes before its object replaces the key's, so that a failed upload leaves the old one.</summary>
    public static string Staging(string bucket) => Bucket(bucket) + "/" + HiddenPrefix + "staging/" + Guid.NewGuid().ToString("N");
}
