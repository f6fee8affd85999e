namespace Alluxio.Server.Proxy.S3;

/// <summary>The bucket and key a path-style request names, decoded from the path as the client sent it.</summary>
internal sealed record S3Request(string Bucket, string Key)
{
    public bool HasBucket => Bucket.Length > 0;

    public bool HasKey => Key.Length > 0;

    /// <summary>Splits the raw path under the API's root (e.g. "/bucket/some%20key") into bucket and key.</summary>
    public static S3Request Parse(string rawPathUnderRoot)
    {
        ArgumentNullException.ThrowIfNull(rawPathUnderRoot);
        var path = rawPathUnderRoot.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new S3Request(Uri.UnescapeDataString(path), "")
            : new S3Request(Uri.UnescapeDataString(path[..slash]), Uri.UnescapeDataString(path[(slash + 1)..]));
    }
}
