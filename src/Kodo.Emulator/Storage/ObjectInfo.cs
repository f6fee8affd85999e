using System.Text.Json.Serialization;

namespace Kodo.Emulator.Storage;

/// <summary>
/// What Kodo knows of one object. <see cref="BlobId"/> names its content in the blob storage, or, for an object
/// joined from parts, the first of its <see cref="Segments"/>, which hold the content in order: completing a
/// multipart upload then costs no copy.
/// </summary>
/// <param name="PutTime">Units of 100 ns since the Unix epoch, as Kodo reports it.</param>
/// <param name="Md5">Hex MD5 of the content; Kodo reports it only for form uploads.</param>
/// <param name="S3ETag">
/// The quoted ETag the S3 face reports for an object it wrote (MD5, or "md5-N" of a multipart upload); null for an
/// object written through Kodo's own API, whose ETag is its quoted hash. Records from before it read as null.
/// </param>
internal sealed record ObjectInfo(
    string Bucket,
    string Key,
    long Size,
    string Hash,
    string MimeType,
    long PutTime,
    string? Md5,
    IReadOnlyDictionary<string, string> Meta,
    string BlobId,
    int Type = 0,
    string? EndUser = null,
    IReadOnlyList<BlobSegment>? Segments = null,
    string? S3ETag = null)
{
    /// <summary>The ETag the S3 face reports: see <see cref="S3ETag"/>.</summary>
    [JsonIgnore]
    public string ETag => S3ETag ?? "\"" + Hash + "\"";

    /// <summary>Every blob the content lives in.</summary>
    [JsonIgnore]
    public IEnumerable<string> BlobIds => Segments?.Select(s => s.BlobId) ?? [BlobId];

    /// <summary>The blob ranges that hold bytes [<paramref name="offset"/>, offset + <paramref name="length"/>).</summary>
    public IEnumerable<ContentRange> Ranges(long offset, long length)
    {
        if (Segments is null)
        {
            yield return new ContentRange(BlobId, offset, length);
            yield break;
        }

        var start = 0L;
        foreach (var segment in Segments)
        {
            var end = start + segment.Length;
            if (length > 0 && offset < end && segment.Length > 0)
            {
                var inSegment = offset - start;
                var take = Math.Min(length, segment.Length - inSegment);
                yield return new ContentRange(segment.BlobId, inSegment, take);
                offset += take;
                length -= take;
            }

            start = end;
        }
    }
}
