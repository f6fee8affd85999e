using System.Globalization;
using S3.Protocol.Errors;

namespace S3.Protocol.Xml;

/// <summary>
/// A tag set: the body of PutObjectTagging and PutBucketTagging and the answer to their Get, with S3's limits on
/// tags. <see cref="S3XmlReader.ReadTaggingAsync(Stream, int, CancellationToken)"/> reads one; <see cref="FromHeader"/> reads x-amz-tagging.
/// </summary>
public sealed class Tagging : S3XmlDocument
{
    /// <summary>The most tags an object may carry.</summary>
    public const int MaxObjectTags = 10;

    /// <summary>The most tags a bucket may carry.</summary>
    public const int MaxBucketTags = 50;

    /// <summary>The longest tag key, in Unicode characters.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The longest tag value, in Unicode characters.</summary>
    public const int MaxValueLength = 256;

    public IReadOnlyList<S3Tag> TagSet { get; init; } = [];

    protected override string RootElement => "Tagging";

    /// <summary>
    /// Reads the x-amz-tagging header of PutObject and CreateMultipartUpload, a URL query string of key=value
    /// pairs, and checks it as <see cref="Validate"/> does; an empty or absent header is an empty tag set.
    /// </summary>
    /// <exception cref="S3Exception">InvalidTag, when a tag breaks S3's rules.</exception>
    public static Tagging FromHeader(string? header, int maxTags = MaxObjectTags)
    {
        var tags = new List<S3Tag>();
        foreach (var pair in (header ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            tags.Add(new S3Tag(S3UriEncoding.Decode(key, plusIsSpace: true), S3UriEncoding.Decode(value, plusIsSpace: true)));
        }

        var tagging = new Tagging { TagSet = tags };
        tagging.Validate(maxTags);
        return tagging;
    }

    /// <summary>The tag set as an x-amz-tagging header: key=value pairs, URL-encoded, joined by '&amp;'; <see cref="FromHeader"/> reads it back.</summary>
    public string ToHeader() =>
        string.Join('&', TagSet.Select(t => S3UriEncoding.Encode(t.Key, encodeSlash: true) + "=" + S3UriEncoding.Encode(t.Value, encodeSlash: true)));

    /// <summary>
    /// Throws InvalidTag unless the set has at most maxTags tags, keys of 1 to 128 characters not starting with
    /// "aws:", values of at most 256 characters, and no key twice.
    /// </summary>
    public void Validate(int maxTags = MaxObjectTags)
    {
        if (TagSet.Count > maxTags)
        {
            throw new S3Exception(S3ErrorCode.InvalidTag, string.Create(CultureInfo.InvariantCulture, $"Object tags cannot be greater than {maxTags}; {TagSet.Count} were given."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in TagSet)
        {
            var keyLength = CountCharacters(tag.Key);
            if (keyLength is 0 or > MaxKeyLength)
            {
                throw new S3Exception(S3ErrorCode.InvalidTag, $"The TagKey you have provided is invalid: it must be 1 to {MaxKeyLength} characters long, and '{tag.Key}' is {keyLength}.");
            }

            if (CountCharacters(tag.Value) > MaxValueLength)
            {
                throw new S3Exception(S3ErrorCode.InvalidTag, $"The TagValue of the tag '{tag.Key}' is invalid: it must be at most {MaxValueLength} characters long.");
            }

            if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new S3Exception(S3ErrorCode.InvalidTag, $"Your TagKey cannot be prefixed with aws: ('{tag.Key}').");
            }

            if (!keys.Add(tag.Key))
            {
                throw new S3Exception(S3ErrorCode.InvalidTag, $"Cannot provide multiple Tags with the same key; '{tag.Key}' is given twice.");
            }
        }
    }

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.StartElementAsync("TagSet").ConfigureAwait(false);
        foreach (var tag in TagSet)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Tag").ConfigureAwait(false);
            await writer.ElementAsync("Key", tag.Key).ConfigureAwait(false);
            await writer.ElementAsync("Value", tag.Value).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }

        await writer.EndElementAsync().ConfigureAwait(false);
    }

    // S3 counts Unicode characters, so a character outside the BMP counts once, not as its two UTF-16 halves.
    private static int CountCharacters(string text) => text.EnumerateRunes().Count();
}
