using S3.Protocol.Xml;

namespace Alluxio.Server.Proxy.S3;

/// <summary>A tag set as the s3_tags attribute keeps it: the x-amz-tagging form, key=value pairs URL-encoded and joined by '&amp;'.</summary>
internal static class S3TagText
{
    public static string Format(IEnumerable<S3Tag> tags) =>
        string.Join('&', tags.Select(t => Uri.EscapeDataString(t.Key) + "=" + Uri.EscapeDataString(t.Value)));
}
