using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;
using S3.Protocol;
using S3.Protocol.Errors;
using S3.Protocol.Xml;

namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// Multipart uploads over the namespace: an upload is a hidden directory of the bucket holding its parts as files
/// (written as objects are, so an acknowledged part survives what an object survives), with the key and the
/// object's metadata in its attributes. Completing writes the parts, in order, into the object.
/// </summary>
internal sealed class S3MultipartUploads(S3Namespace store)
{
    /// <summary>S3's minimum size of every part but the last.</summary>
    public const long MinPartSize = 5L << 20;

    public const int MaxPartNumber = 10000;

    private const string KeyXAttr = "s3_upload_key";

    private FileSystem FileSystem => store.FileSystem;

    public async Task<string> CreateAsync(string bucket, string key, IReadOnlyDictionary<string, byte[]> xattr, CancellationToken cancellationToken)
    {
        S3ObjectKey.Validate(key);
        await store.GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        var uploadId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var attributes = new Dictionary<string, byte[]>(xattr, StringComparer.Ordinal) { [KeyXAttr] = Encoding.UTF8.GetBytes(key) };
        await S3Namespace.CallAsync(
            $"/{bucket}/{key}",
            S3ErrorCode.NoSuchBucket,
            () => FileSystem.CreateDirectoryAsync(UploadPath(bucket, uploadId), new CreateDirectoryOptions { Recursive = true, WriteType = store.Settings.WriteType, XAttr = attributes }, cancellationToken))
            .ConfigureAwait(false);
        return uploadId;
    }

    /// <summary>Writes a part, replacing an earlier upload of the same number; returns its quoted ETag.</summary>
    public async Task<S3PutResult> UploadPartAsync(string bucket, string key, string uploadId, string partNumberText, Stream body, CancellationToken cancellationToken)
    {
        var partNumber = PartNumber(partNumberText);
        var upload = await GetAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        return await store.WriteReplacingAsync(bucket, $"{upload.Path}/{PartName(partNumber)}", body, new Dictionary<string, byte[]>(), $"/{bucket}/{key}", null, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<(UriStatus Upload, IReadOnlyList<UriStatus> Parts)> ListPartsAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        var upload = await GetAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        var parts = new List<UriStatus>();
        await foreach (var part in FileSystem.ListStatusAsync(upload.Path, ListStatusOptions.Default, cancellationToken).ConfigureAwait(false))
        {
            if (!part.IsFolder && part.IsCompleted && int.TryParse(part.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                parts.Add(part);
            }
        }

        parts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return (upload, parts);
    }

    /// <summary>The uploads in progress in a bucket: key, id and when each began.</summary>
    public async Task<IReadOnlyList<S3UploadEntry>> ListUploadsAsync(string bucket, CancellationToken cancellationToken)
    {
        await store.GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        var uploads = new List<S3UploadEntry>();
        try
        {
            await foreach (var upload in FileSystem.ListStatusAsync(S3Paths.Uploads(bucket), ListStatusOptions.Default, cancellationToken).ConfigureAwait(false))
            {
                if (upload.IsFolder && upload.XAttr.TryGetValue(KeyXAttr, out var key))
                {
                    uploads.Add(new S3UploadEntry { Key = key.ToStringUtf8(), UploadId = upload.Name, Initiated = DateTimeOffset.FromUnixTimeMilliseconds(upload.CreationTimeMs) });
                }
            }
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileDoesNotExist)
        {
            // No upload was ever started in this bucket.
        }

        uploads.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : string.CompareOrdinal(a.UploadId, b.UploadId));
        return uploads;
    }

    /// <summary>
    /// Checks the parts the client lists (ascending numbers, ETags of uploaded parts, every part but the last at least
    /// 5 MiB), writes them in order into the object and ends the upload. The ETag is S3's: the MD5 of the parts' MD5s
    /// and their count.
    /// </summary>
    public async Task<S3PutResult> CompleteAsync(
        string bucket, string key, string uploadId, CompleteMultipartUpload request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = $"/{bucket}/{key}";
        var (upload, uploaded) = await ListPartsAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        if (request.Parts.Count == 0)
        {
            throw new S3Exception(S3ErrorCode.MalformedXML, "The CompleteMultipartUpload request lists no parts.", resource);
        }

        var byNumber = uploaded.ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture));
        var chosen = new List<UriStatus>(request.Parts.Count);
        var previous = 0;
        foreach (var part in request.Parts)
        {
            if (part.PartNumber <= previous)
            {
                throw new S3Exception(S3ErrorCode.InvalidPartOrder, resource: resource);
            }

            previous = part.PartNumber;
            if (!byNumber.TryGetValue(part.PartNumber, out var status) || S3ETag.Unquote(S3Namespace.ETagOf(status)) != S3ETag.Unquote(part.ETag))
            {
                throw new S3Exception(S3ErrorCode.InvalidPart, $"Part {part.PartNumber} with ETag {part.ETag} was not uploaded to upload {uploadId}.", resource);
            }

            chosen.Add(status);
        }

        if (chosen.Take(chosen.Count - 1).FirstOrDefault(p => p.Length < MinPartSize) is { } small)
        {
            throw new S3Exception(S3ErrorCode.EntityTooSmall, $"Part {small.Name.TrimStart('0')} is {small.Length} bytes; every part but the last must be at least {MinPartSize} bytes.", resource);
        }

        var etag = S3ETag.Multipart(chosen.Select(p => Convert.FromHexString(S3ETag.Unquote(S3Namespace.ETagOf(p)))));
        var xattr = upload.XAttr.Where(x => x.Key != KeyXAttr).ToDictionary(x => x.Key, x => x.Value.ToByteArray(), StringComparer.Ordinal);
        if (chosen.Count == 1 && !key.EndsWith('/'))
        {
            // One part is the whole object: its file becomes the object by a rename, and no byte is copied.
            var moved = await store.MoveToObjectAsync(bucket, key, chosen[0].Path, xattr, etag, cancellationToken).ConfigureAwait(false);
            await AbortAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
            return moved;
        }

        var parts = new ConcatenatedParts(FileSystem, [.. chosen.Select(p => p.Path)], cancellationToken);
        await using (parts.ConfigureAwait(false))
        {
            var result = await store.PutObjectAsync(bucket, key, parts, xattr, etag, cancellationToken).ConfigureAwait(false);
            await AbortAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    public async Task AbortAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        var upload = await GetAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        await S3Namespace.CallAsync(
            $"/{bucket}/{key}",
            S3ErrorCode.NoSuchUpload,
            () => FileSystem.DeleteAsync(upload.Path, new DeleteOptions { Recursive = true, Unchecked = true }, cancellationToken),
            missingIsDone: true).ConfigureAwait(false);
    }

    private async Task<UriStatus> GetAsync(string bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        await store.GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        if (uploadId.Length == 0 || !uploadId.All(char.IsAsciiHexDigitLower))
        {
            throw new S3Exception(S3ErrorCode.NoSuchUpload, resource: $"/{bucket}/{key}");
        }

        var status = await store.StatusOrNullAsync(UploadPath(bucket, uploadId), $"/{bucket}/{key}", S3ErrorCode.NoSuchUpload, cancellationToken).ConfigureAwait(false);
        return status is { IsFolder: true } && status.XAttr.TryGetValue(KeyXAttr, out var uploadKey) && uploadKey.ToStringUtf8() == key
            ? status
            : throw new S3Exception(S3ErrorCode.NoSuchUpload, resource: $"/{bucket}/{key}");
    }

    private static int PartNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxPartNumber
            ? number
            : throw new S3Exception(S3ErrorCode.InvalidArgument, $"Part number must be an integer between 1 and {MaxPartNumber}, inclusive (got '{text}').");

    /// <summary>Part files sort by number as names: 00001, 00002, ...</summary>
    private static string PartName(int partNumber) => partNumber.ToString("D5", CultureInfo.InvariantCulture);

    private static string UploadPath(string bucket, string uploadId) => $"{S3Paths.Uploads(bucket)}/{uploadId}";
}
