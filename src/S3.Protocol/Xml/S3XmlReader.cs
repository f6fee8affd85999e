using System.Globalization;
using System.Xml;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;
using static S3.Protocol.Xml.S3XmlRequestReader;

namespace S3.Protocol.Xml;

/// <summary>
/// Reads the XML bodies of S3 requests. Each reader buffers at most <see cref="DefaultMaxBytes"/> (the body
/// stream may be an <see cref="Body.S3BodyStream"/>, whose checks then run first), refuses DTDs, and throws
/// S3Exception: MalformedXML for a body that is not well-formed or not of the expected shape, and the specific
/// S3 error where S3 has one.
/// </summary>
public static class S3XmlReader
{
    /// <summary>The largest request document read, 1 MiB; S3's own bodies stay far below it.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>The most objects one DeleteObjects request may name.</summary>
    public const int MaxDeleteObjects = 1000;

    /// <summary>The highest part number of a multipart upload.</summary>
    public const int MaxPartNumber = 10000;

    /// <summary>
    /// Reads a CompleteMultipartUpload body. Parts must be in strictly ascending part order (InvalidPartOrder)
    /// with numbers from 1 to 10000 (InvalidArgument); there must be at least one.
    /// </summary>
    public static Task<CompleteMultipartUpload> ReadCompleteMultipartUploadAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(body, "CompleteMultipartUpload", DefaultMaxBytes, ReadCompleteMultipartUploadRootAsync, emptyBody: null, cancellationToken);

    /// <summary>Reads a DeleteObjects body: a Delete element with Quiet and 1 to 1000 Object elements.</summary>
    public static Task<DeleteObjects> ReadDeleteAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(body, "Delete", DefaultMaxBytes, ReadDeleteRootAsync, emptyBody: null, cancellationToken);

    /// <summary>Reads an object's Tagging body and checks it with <see cref="Tagging.Validate"/> (InvalidTag).</summary>
    public static Task<Tagging> ReadTaggingAsync(Stream body, CancellationToken cancellationToken) =>
        ReadTaggingAsync(body, Tagging.MaxObjectTags, cancellationToken);

    /// <summary>
    /// Reads a Tagging body and checks it with <see cref="Tagging.Validate"/> (InvalidTag); maxTags is
    /// <see cref="Tagging.MaxObjectTags"/> for objects, <see cref="Tagging.MaxBucketTags"/> for buckets.
    /// </summary>
    public static async Task<Tagging> ReadTaggingAsync(Stream body, int maxTags, CancellationToken cancellationToken)
    {
        var tagging = await ReadAsync(body, "Tagging", DefaultMaxBytes, ReadTaggingRootAsync, emptyBody: null, cancellationToken).ConfigureAwait(false);
        tagging.Validate(maxTags);
        return tagging;
    }

    /// <summary>Reads the optional body of CreateBucket; an empty body has no location constraint.</summary>
    public static Task<CreateBucketConfiguration> ReadCreateBucketConfigurationAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(
            body,
            "CreateBucketConfiguration",
            DefaultMaxBytes,
            ReadCreateBucketConfigurationRootAsync,
            emptyBody: () => new CreateBucketConfiguration(null),
            cancellationToken);

    private static async Task<CompleteMultipartUpload> ReadCompleteMultipartUploadRootAsync(XmlReader reader)
    {
        var parts = new List<CompletedPart>();
        await ForEachChildAsync(reader, async name =>
        {
            if (name != "Part")
            {
                await SkipAsync(reader).ConfigureAwait(false);
                return;
            }

            if (parts.Count == MaxPartNumber)
            {
                throw Malformed($"A multipart upload has at most {MaxPartNumber} parts.");
            }

            var part = await ReadPartAsync(reader).ConfigureAwait(false);
            if (parts.Count > 0 && part.PartNumber <= parts[^1].PartNumber)
            {
                throw new S3Exception(
                    S3ErrorCode.InvalidPartOrder,
                    $"The list of parts was not in ascending order: part {part.PartNumber} follows part {parts[^1].PartNumber}. The parts list must be specified in order by part number.");
            }

            parts.Add(part);
        }).ConfigureAwait(false);

        return parts.Count == 0 ? throw Malformed("CompleteMultipartUpload must name at least one Part.") : new CompleteMultipartUpload(parts);
    }

    private static async Task<CompletedPart> ReadPartAsync(XmlReader reader)
    {
        string? partNumberText = null, etag = null;
        S3Checksum? checksum = null;
        await ForEachChildAsync(reader, async name =>
        {
            switch (name)
            {
                case "PartNumber":
                    partNumberText = Once(partNumberText, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                case "ETag":
                    etag = Once(etag, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                case var _ when name.StartsWith("Checksum", StringComparison.Ordinal) &&
                    S3Checksum.TryParseAlgorithm(name["Checksum".Length..], out var algorithm):
                    var value = await ReadTextAsync(reader).ConfigureAwait(false);
                    if (checksum is not null)
                    {
                        throw Malformed("A Part may carry only one checksum.");
                    }

                    checksum = S3Checksum.TryParse(algorithm, value, out var parsed)
                        ? parsed
                        : throw new S3Exception(S3ErrorCode.InvalidRequest, $"Value for {name} is invalid: '{value}'.");
                    break;
                default:
                    await SkipAsync(reader).ConfigureAwait(false);
                    break;
            }
        }).ConfigureAwait(false);

        if (partNumberText is null || etag is null)
        {
            throw Malformed("Each Part must have a PartNumber and an ETag.");
        }

        if (!int.TryParse(partNumberText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var partNumber))
        {
            throw Malformed($"The PartNumber '{partNumberText}' is not an integer.");
        }

        if (partNumber is < 1 or > MaxPartNumber)
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, $"Part number must be an integer between 1 and {MaxPartNumber}, inclusive; {partNumber} is not.");
        }

        return new CompletedPart(partNumber, etag.Trim(), checksum);
    }

    private static async Task<DeleteObjects> ReadDeleteRootAsync(XmlReader reader)
    {
        string? quietText = null;
        var objects = new List<S3ObjectIdentifier>();
        await ForEachChildAsync(reader, async name =>
        {
            switch (name)
            {
                case "Quiet":
                    quietText = Once(quietText, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                case "Object":
                    if (objects.Count == MaxDeleteObjects)
                    {
                        throw Malformed($"A DeleteObjects request may name at most {MaxDeleteObjects} objects.");
                    }

                    objects.Add(await ReadObjectIdentifierAsync(reader).ConfigureAwait(false));
                    break;
                default:
                    await SkipAsync(reader).ConfigureAwait(false);
                    break;
            }
        }).ConfigureAwait(false);

        var quiet = quietText?.Trim().ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw Malformed($"Quiet must be true or false, not '{quietText}'."),
        };
        return objects.Count == 0 ? throw Malformed("Delete must name at least one Object.") : new DeleteObjects(quiet, objects);
    }

    private static async Task<S3ObjectIdentifier> ReadObjectIdentifierAsync(XmlReader reader)
    {
        string? key = null, versionId = null;
        await ForEachChildAsync(reader, async name =>
        {
            switch (name)
            {
                case "Key":
                    key = Once(key, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                case "VersionId":
                    versionId = Once(versionId, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                default:
                    await SkipAsync(reader).ConfigureAwait(false);
                    break;
            }
        }).ConfigureAwait(false);

        return key is null ? throw Malformed("Each Object must have a Key.") : new S3ObjectIdentifier(key, versionId);
    }

    private static async Task<Tagging> ReadTaggingRootAsync(XmlReader reader)
    {
        List<S3Tag>? tags = null;
        await ForEachChildAsync(reader, async name =>
        {
            if (name != "TagSet")
            {
                await SkipAsync(reader).ConfigureAwait(false);
                return;
            }

            if (tags is not null)
            {
                throw Malformed("TagSet may be given only once.");
            }

            tags = [];
            await ForEachChildAsync(reader, async tagName =>
            {
                if (tagName != "Tag")
                {
                    throw Malformed($"TagSet holds only Tag elements, not {tagName}.");
                }

                // The number of tags is checked once the set is read; the size limit bounds it meanwhile.
                tags.Add(await ReadTagAsync(reader).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);

        return tags is null ? throw Malformed("Tagging must hold a TagSet.") : new Tagging { TagSet = tags };
    }

    private static async Task<S3Tag> ReadTagAsync(XmlReader reader)
    {
        string? key = null, value = null;
        await ForEachChildAsync(reader, async name =>
        {
            switch (name)
            {
                case "Key":
                    key = Once(key, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                case "Value":
                    value = Once(value, await ReadTextAsync(reader).ConfigureAwait(false), name);
                    break;
                default:
                    throw Malformed($"A Tag holds only Key and Value, not {name}.");
            }
        }).ConfigureAwait(false);

        return key is null || value is null ? throw Malformed("Each Tag must have a Key and a Value.") : new S3Tag(key, value);
    }

    private static async Task<CreateBucketConfiguration> ReadCreateBucketConfigurationRootAsync(XmlReader reader)
    {
        string? location = null;
        await ForEachChildAsync(reader, async name =>
        {
            if (name == "LocationConstraint")
            {
                location = Once(location, await ReadTextAsync(reader).ConfigureAwait(false), name);
            }
            else
            {
                await SkipAsync(reader).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return new CreateBucketConfiguration(string.IsNullOrWhiteSpace(location) ? null : location.Trim());
    }
}
