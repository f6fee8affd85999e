using System.Security.Cryptography;

namespace S3.Protocol;

/// <summary>S3's entity tags: the quoted hex MD5 of a single upload, "md5(md5s)-N" of a multipart one.</summary>
public static class S3ETag
{
    /// <summary>The ETag of an object stored by one PUT: its MD5 as quoted lower-case hex.</summary>
    public static string FromMd5(ReadOnlySpan<byte> md5)
    {
        if (md5.Length != MD5.HashSizeInBytes)
        {
            throw new ArgumentException($"An MD5 digest has {MD5.HashSizeInBytes} bytes, not {md5.Length}.", nameof(md5));
        }

        return Quote(Convert.ToHexStringLower(md5));
    }

    /// <summary>
    /// The ETag of an object completed from parts: the MD5 of the parts' MD5 digests concatenated in part order,
    /// followed by a dash and the number of parts.
    /// </summary>
    public static string Multipart(IEnumerable<byte[]> partMd5s)
    {
        ArgumentNullException.ThrowIfNull(partMd5s);
        using var digests = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var count = 0;
        foreach (var partMd5 in partMd5s)
        {
            ArgumentNullException.ThrowIfNull(partMd5, nameof(partMd5s));
            if (partMd5.Length != MD5.HashSizeInBytes)
            {
                throw new ArgumentException($"Part {count + 1} has a digest of {partMd5.Length} bytes, not an MD5.", nameof(partMd5s));
            }

            digests.AppendData(partMd5);
            count++;
        }

        return Quote($"{Convert.ToHexStringLower(digests.GetHashAndReset())}-{count}");
    }

    /// <summary>
    /// The ETag without its surrounding quotes, so that values clients send quoted or bare (as in a
    /// CompleteMultipartUpload body or an If-Match header) compare equal.
    /// </summary>
    public static string Unquote(string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        var trimmed = etag.AsSpan().Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        if (trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            trimmed = trimmed[1..^1];
        }

        return trimmed.ToString();
    }

    private static string Quote(string value) => $"\"{value}\"";
}
