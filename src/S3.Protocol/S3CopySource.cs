using System.Globalization;
using Microsoft.AspNetCore.Http;
using S3.Protocol.Errors;

namespace S3.Protocol;

/// <summary>The source of CopyObject and UploadPartCopy: x-amz-copy-source and x-amz-copy-source-range.</summary>
public static class S3CopySource
{
    public const string Header = "x-amz-copy-source";

    public const string RangeHeader = "x-amz-copy-source-range";

    /// <summary>The bucket and key of "[/]bucket/key[?versionId=…]", URL-decoded.</summary>
    /// <exception cref="S3Exception">InvalidArgument, when the header names no bucket and key.</exception>
    public static (string Bucket, string Key) Parse(string? header)
    {
        var text = header ?? "";
        var version = text.IndexOf("?versionId=", StringComparison.Ordinal);
        var source = S3UriEncoding.Decode(version < 0 ? text : text[..version], plusIsSpace: false).TrimStart('/');
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < source.Length - 1
            ? (source[..slash], source[(slash + 1)..])
            : throw new S3Exception(S3ErrorCode.InvalidArgument, $"Copy Source must mention the source bucket and key: sourcebucket/sourcekey (got '{text}').");
    }

    /// <summary>Whether a copy takes the request's metadata (x-amz-metadata-directive REPLACE) rather than the source's (COPY, the default).</summary>
    /// <exception cref="S3Exception">InvalidArgument, for any other directive.</exception>
    public static bool ReplacesMetadata(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers["x-amz-metadata-directive"].ToString() switch
        {
            "" or "COPY" => false,
            "REPLACE" => true,
            var other => throw new S3Exception(S3ErrorCode.InvalidArgument, $"Unknown metadata directive {other}; use COPY or REPLACE."),
        };
    }

    /// <summary>
    /// The bytes of a source of <paramref name="length"/> bytes that <paramref name="rangeHeader"/> names; all of them
    /// when it is empty. Unlike a GET's Range, it must be "bytes=first-last" with both ends inside the source.
    /// </summary>
    /// <exception cref="S3Exception">InvalidArgument, when the header is not such a range.</exception>
    public static (long Offset, long Count) Range(string? rangeHeader, long length)
    {
        if (string.IsNullOrEmpty(rangeHeader))
        {
            return (0, length);
        }

        const string Prefix = "bytes=";
        var dash = rangeHeader.IndexOf('-', StringComparison.Ordinal);
        if (rangeHeader.StartsWith(Prefix, StringComparison.Ordinal) && dash > Prefix.Length
            && long.TryParse(rangeHeader.AsSpan(Prefix.Length, dash - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(rangeHeader.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first <= last && last < length)
        {
            return (first, last - first + 1);
        }

        throw new S3Exception(
            S3ErrorCode.InvalidArgument, $"The x-amz-copy-source-range {rangeHeader} is not bytes=first-last within the source's {length} bytes.");
    }
}
