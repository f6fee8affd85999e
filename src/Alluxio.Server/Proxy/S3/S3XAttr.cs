namespace Alluxio.Server.Proxy.S3;

/// <summary>The extended attributes an object keeps its S3 metadata in, under Alluxio's names where it has them.</summary>
internal static class S3XAttr
{
    public const string ETag = "s3_etag";

    public const string ContentType = "s3_content_type";

    public const string Tags = "s3_tags";

    /// <summary>x-amz-meta-&lt;name&gt; is kept as s3_meta_&lt;name&gt;.</summary>
    public const string UserMetadataPrefix = "s3_meta_";
}
