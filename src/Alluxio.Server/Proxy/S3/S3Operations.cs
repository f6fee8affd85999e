using System.Globalization;
using System.Text;
using Alluxio.Client;
using S3.Protocol;
using S3.Protocol.Auth;
using S3.Protocol.Body;
using S3.Protocol.Errors;
using S3.Protocol.Xml;

namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// The S3 operations over the namespace, made as one user: buckets, objects, listings, tags and multipart uploads.
/// <see cref="S3Sessions"/> keeps one per user that the proxy acts for.
/// </summary>
internal sealed class S3Operations(S3Namespace store, S3Lister lister, S3MultipartUploads uploads)
{
    private const int MaxKeysLimit = 1000;
    private const int CopyBufferSize = 1 << 20;

    public Task DispatchAsync(S3Operation operation, S3Request request, S3Principal principal, HttpContext context, CancellationToken cancellationToken) => operation switch
    {
        S3Operation.ListBuckets => ListBucketsAsync(principal, context, cancellationToken),
        S3Operation.CreateBucket => CreateBucketAsync(request, context, cancellationToken),
        S3Operation.HeadBucket => HeadBucketAsync(request, context, cancellationToken),
        S3Operation.DeleteBucket => DeleteBucketAsync(request, context, cancellationToken),
        S3Operation.GetBucketLocation => GetBucketLocationAsync(request, context, cancellationToken),
        S3Operation.ListObjects => ListObjectsAsync(request, context, v2: false, cancellationToken),
        S3Operation.ListObjectsV2 => ListObjectsAsync(request, context, v2: true, cancellationToken),
        S3Operation.DeleteObjects => DeleteObjectsAsync(request, context, cancellationToken),
        S3Operation.GetObject => GetObjectAsync(request, context, withBody: true, cancellationToken),
        S3Operation.HeadObject => GetObjectAsync(request, context, withBody: false, cancellationToken),
        S3Operation.PutObject => PutObjectAsync(request, principal, context, cancellationToken),
        S3Operation.CopyObject => CopyObjectAsync(request, context, cancellationToken),
        S3Operation.DeleteObject => DeleteObjectAsync(request, context, cancellationToken),
        S3Operation.GetObjectTagging => GetTaggingAsync(request, context, cancellationToken),
        S3Operation.GetBucketTagging => GetTaggingAsync(request, context, cancellationToken),
        S3Operation.PutObjectTagging => PutTaggingAsync(request, context, Tagging.MaxObjectTags, cancellationToken),
        S3Operation.PutBucketTagging => PutTaggingAsync(request, context, Tagging.MaxBucketTags, cancellationToken),
        S3Operation.DeleteObjectTagging => DeleteTaggingAsync(request, context, cancellationToken),
        S3Operation.DeleteBucketTagging => DeleteTaggingAsync(request, context, cancellationToken),
        S3Operation.CreateMultipartUpload => CreateMultipartUploadAsync(request, context, cancellationToken),
        S3Operation.UploadPart => UploadPartAsync(request, principal, context, cancellationToken),
        S3Operation.UploadPartCopy => UploadPartCopyAsync(request, context, cancellationToken),
        S3Operation.CompleteMultipartUpload => CompleteMultipartUploadAsync(request, context, cancellationToken),
        S3Operation.AbortMultipartUpload => AbortMultipartUploadAsync(request, context, cancellationToken),
        S3Operation.ListParts => ListPartsAsync(request, context, cancellationToken),
        S3Operation.ListMultipartUploads => ListMultipartUploadsAsync(request, context, cancellationToken),
        _ => throw new S3Exception(
            S3ErrorCode.NotImplemented, $"This proxy does not serve {context.Request.Method} {context.Request.Path}{context.Request.QueryString} ({operation}).", context.Request.Path),
    };

    private async Task ListBucketsAsync(S3Principal principal, HttpContext context, CancellationToken cancellationToken)
    {
        var buckets = await store.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        await S3Responses.ListBucketsAsync(context.Response, principal.AccessKey ?? "", buckets, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateBucketAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await S3XmlReader.ReadCreateBucketConfigurationAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
        await store.CreateBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        context.Response.Headers.Location = "/" + request.Bucket;
    }

    private async Task HeadBucketAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await store.GetBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task DeleteBucketAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await store.DeleteBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task GetBucketLocationAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await store.GetBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        await S3Responses.LocationConstraintAsync(context.Response, cancellationToken).ConfigureAwait(false);
    }

    private async Task ListObjectsAsync(S3Request request, HttpContext context, bool v2, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var bucket = await store.GetBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var maxKeys = MaxKeys(query["max-keys"].ToString());
        var encodingType = query["encoding-type"].ToString();
        if (encodingType.Length > 0 && encodingType != "url")
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, $"Invalid Encoding Method specified in Request: {encodingType}; the one encoding is 'url'.");
        }

        string marker;
        string? continuationToken = null;
        var startAfter = query["start-after"].ToString();
        if (v2)
        {
            continuationToken = query.ContainsKey("continuation-token") ? query["continuation-token"].ToString() : null;
            marker = continuationToken is null ? startAfter : S3ContinuationToken.Decode(continuationToken);
        }
        else
        {
            marker = query["marker"].ToString();
        }

        var page = await lister.ListAsync(bucket.Path, prefix, delimiter.Length == 0 ? null : delimiter, marker, maxKeys, cancellationToken).ConfigureAwait(false);
        var listing = new S3Listing(
            request.Bucket,
            prefix,
            delimiter,
            maxKeys,
            encodingType == "url",
            page,
            v2 ? null : query["marker"].ToString(),
            continuationToken,
            v2 && page.IsTruncated && page.LastKey is { } last ? S3ContinuationToken.Encode(last) : null,
            startAfter,
            FetchOwner: query["fetch-owner"] == "true");
        await S3Responses.ListObjectsAsync(context.Response, listing, v2, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteObjectsAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await store.GetBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        var delete = await S3XmlReader.ReadDeleteAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
        var results = new List<S3DeleteOutcome>(delete.Objects.Count);
        foreach (var key in delete.Objects.Select(o => o.Key))
        {
            try
            {
                S3ObjectKey.Validate(key);
                await store.DeleteObjectAsync(request.Bucket, key, cancellationToken).ConfigureAwait(false);
                results.Add(new S3DeleteOutcome(key, null));
            }
            catch (S3Exception e)
            {
                results.Add(new S3DeleteOutcome(key, e));
            }
        }

        await S3Responses.DeleteResultAsync(context.Response, results, delete.Quiet, cancellationToken).ConfigureAwait(false);
    }

    private async Task GetObjectAsync(S3Request request, HttpContext context, bool withBody, CancellationToken cancellationToken)
    {
        var status = await store.GetObjectAsync(request.Bucket, request.Key, cancellationToken).ConfigureAwait(false);
        var response = context.Response;
        var length = status.IsFolder ? 0 : status.Length;
        WriteObjectHeaders(response, status);
        if (!S3Preconditions.ShouldSend(context.Request, response.Headers.ETag.ToString(), status.LastModificationTime))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        S3ResponseOverrides.Apply(context.Request, response);
        var range = S3Range.TryParse(context.Request.Headers.Range.ToString(), length, out var offset, out var count);
        if (range == S3RangeResult.NotSatisfiable)
        {
            response.Headers.ContentRange = S3Range.FormatUnsatisfiedContentRange(length);
            throw new S3Exception(S3ErrorCode.InvalidRange, $"The range {context.Request.Headers.Range} starts at or past the end of the object ({length} bytes).", context.Request.Path)
            {
                Details = [new("RangeRequested", context.Request.Headers.Range.ToString()), new("ActualObjectSize", length.ToString(CultureInfo.InvariantCulture))],
            };
        }

        if (range == S3RangeResult.WholeObject)
        {
            (offset, count) = (0, length);
        }
        else
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = S3Range.FormatContentRange(offset, count, length);
        }

        response.ContentLength = count;
        if (!withBody || count == 0)
        {
            return;
        }

        var input = await store.OpenAsync(request.Bucket, request.Key, status, cancellationToken).ConfigureAwait(false);
        await using (input.ConfigureAwait(false))
        {
            input.Seek(offset, SeekOrigin.Begin);
            await new LengthLimitedStream(input, count).CopyToAsync(response.Body, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PutObjectAsync(S3Request request, S3Principal principal, HttpContext context, CancellationToken cancellationToken)
    {
        var body = S3RequestBody.OpenBody(context.Request, principal);
        await using (body.ConfigureAwait(false))
        {
            var result = await store.PutObjectAsync(request.Bucket, request.Key, body, ObjectXAttr(context.Request.Headers), cancellationToken).ConfigureAwait(false);
            AnswerWritten(context.Response, result.ETag, body);
        }
    }

    /// <summary>The headers of a written object or part: its ETag, and the checksum the client sent, verified.</summary>
    private static void AnswerWritten(HttpResponse response, string etag, S3BodyStream body)
    {
        response.Headers.ETag = etag;
        if (body.Checksum is { } checksum)
        {
            response.Headers[checksum.HeaderName] = checksum.Base64Value;
        }
    }

    private async Task CopyObjectAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var (sourceBucket, sourceKey) = S3CopySource.Parse(context.Request.Headers[S3CopySource.Header]);
        var source = await store.GetObjectAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
        var replace = S3CopySource.ReplacesMetadata(context.Request.Headers);
        if (!replace && sourceBucket == request.Bucket && sourceKey == request.Key)
        {
            throw new S3Exception(
                S3ErrorCode.InvalidRequest,
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }

        var xattr = replace
            ? ObjectXAttr(context.Request.Headers)
            : source.XAttr.Where(x => x.Key != S3XAttr.ETag).ToDictionary(x => x.Key, x => x.Value.ToByteArray(), StringComparer.Ordinal);
        S3PutResult result;
        if (source.IsFolder)
        {
            result = await store.PutObjectAsync(request.Bucket, request.Key, Stream.Null, xattr, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var input = await store.OpenAsync(sourceBucket, sourceKey, source, cancellationToken).ConfigureAwait(false);
            await using (input.ConfigureAwait(false))
            {
                result = await store.PutObjectAsync(request.Bucket, request.Key, input, xattr, cancellationToken).ConfigureAwait(false);
            }
        }

        await S3Responses.CopyObjectResultAsync(context.Response, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteObjectAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await store.DeleteObjectAsync(request.Bucket, request.Key, cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task GetTaggingAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var status = await TaggedAsync(request, cancellationToken).ConfigureAwait(false);
        var tagging = status.XAttr.TryGetValue(S3XAttr.Tags, out var tags) ? Tagging.FromHeader(tags.ToStringUtf8(), Tagging.MaxBucketTags) : new Tagging();
        if (!request.HasKey && tagging.TagSet.Count == 0)
        {
            throw new S3Exception(S3ErrorCode.NoSuchTagSet, resource: "/" + request.Bucket);
        }

        await tagging.WriteToAsync(context.Response, cancellationToken).ConfigureAwait(false);
    }

    private async Task PutTaggingAsync(S3Request request, HttpContext context, int maxTags, CancellationToken cancellationToken)
    {
        var status = await TaggedAsync(request, cancellationToken).ConfigureAwait(false);
        var tagging = await S3XmlReader.ReadTaggingAsync(context.Request.Body, maxTags, cancellationToken).ConfigureAwait(false);
        await SetTagsAsync(status, tagging.ToHeader(), cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = request.HasKey ? StatusCodes.Status200OK : StatusCodes.Status204NoContent;
    }

    private async Task DeleteTaggingAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var status = await TaggedAsync(request, cancellationToken).ConfigureAwait(false);
        await SetTagsAsync(status, null, cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task<UriStatus> TaggedAsync(S3Request request, CancellationToken cancellationToken) =>
        request.HasKey ? store.GetObjectAsync(request.Bucket, request.Key, cancellationToken) : store.GetBucketAsync(request.Bucket, cancellationToken);

    private Task SetTagsAsync(UriStatus status, string? tags, CancellationToken cancellationToken) =>
        S3Namespace.CallAsync(
            status.Path,
            S3ErrorCode.NoSuchKey,
            () => store.FileSystem.SetAttributeAsync(
                status.Path,
                new Client.Options.SetAttributeOptions
                {
                    XAttr = new Dictionary<string, byte[]> { [S3XAttr.Tags] = Encoding.UTF8.GetBytes(tags ?? "") },
                    XAttrUpdateStrategy = tags is null ? Grpc.XAttrUpdateStrategy.DeleteKeys : Grpc.XAttrUpdateStrategy.UnionReplace,
                },
                cancellationToken));

    private async Task CreateMultipartUploadAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var uploadId = await uploads.CreateAsync(request.Bucket, request.Key, ObjectXAttr(context.Request.Headers), cancellationToken).ConfigureAwait(false);
        await new InitiateMultipartUploadResult { Bucket = request.Bucket, Key = request.Key, UploadId = uploadId }.WriteToAsync(context.Response, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task UploadPartAsync(S3Request request, S3Principal principal, HttpContext context, CancellationToken cancellationToken)
    {
        var body = S3RequestBody.OpenBody(context.Request, principal);
        await using (body.ConfigureAwait(false))
        {
            var query = context.Request.Query;
            var result = await uploads.UploadPartAsync(request.Bucket, request.Key, query["uploadId"].ToString(), query["partNumber"].ToString(), body, cancellationToken)
                .ConfigureAwait(false);
            AnswerWritten(context.Response, result.ETag, body);
        }
    }

    private async Task UploadPartCopyAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var (sourceBucket, sourceKey) = S3CopySource.Parse(context.Request.Headers[S3CopySource.Header]);
        var source = await store.GetObjectAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
        var (offset, count) = S3CopySource.Range(context.Request.Headers[S3CopySource.RangeHeader], source.Length);

        var input = await store.OpenAsync(sourceBucket, sourceKey, source, cancellationToken).ConfigureAwait(false);
        await using (input.ConfigureAwait(false))
        {
            input.Seek(offset, SeekOrigin.Begin);
            var query = context.Request.Query;
            var result = await uploads.UploadPartAsync(
                request.Bucket, request.Key, query["uploadId"].ToString(), query["partNumber"].ToString(), new LengthLimitedStream(input, count), cancellationToken).ConfigureAwait(false);
            await new CopyPartResult { LastModified = result.Status.LastModificationTime, ETag = result.ETag }.WriteToAsync(context.Response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompleteMultipartUploadAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var parts = await S3XmlReader.ReadCompleteMultipartUploadAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
        var result = await uploads.CompleteAsync(request.Bucket, request.Key, context.Request.Query["uploadId"].ToString(), parts, cancellationToken).ConfigureAwait(false);
        await new CompleteMultipartUploadResult
        {
            Location = $"{context.Request.Scheme}://{context.Request.Host}{S3Api.Root}/{request.Bucket}/{request.Key}",
            Bucket = request.Bucket,
            Key = request.Key,
            ETag = result.ETag,
        }.WriteToAsync(context.Response, cancellationToken).ConfigureAwait(false);
    }

    private async Task AbortMultipartUploadAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await uploads.AbortAsync(request.Bucket, request.Key, context.Request.Query["uploadId"].ToString(), cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task ListPartsAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var uploadId = context.Request.Query["uploadId"].ToString();
        var marker = int.TryParse(context.Request.Query["part-number-marker"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var maxParts = MaxKeys(context.Request.Query["max-parts"].ToString());
        var (_, parts) = await uploads.ListPartsAsync(request.Bucket, request.Key, uploadId, cancellationToken).ConfigureAwait(false);
        var after = parts.Select(p => (Number: int.Parse(p.Name, CultureInfo.InvariantCulture), Status: p)).Where(p => p.Number > marker).ToList();
        var page = after.Take(maxParts).ToList();
        await new ListPartsResult
        {
            Bucket = request.Bucket,
            Key = request.Key,
            UploadId = uploadId,
            PartNumberMarker = marker,
            NextPartNumberMarker = page.Count > 0 ? page[^1].Number : null,
            MaxParts = maxParts,
            IsTruncated = after.Count > page.Count,
            Parts = [.. page.Select(p => new S3PartEntry(p.Number, p.Status.LastModificationTime, S3Namespace.ETagOf(p.Status), p.Status.Length))],
        }.WriteToAsync(context.Response, cancellationToken).ConfigureAwait(false);
    }

    private async Task ListMultipartUploadsAsync(S3Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var prefix = context.Request.Query["prefix"].ToString();
        var all = await uploads.ListUploadsAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
        await new ListMultipartUploadsResult
        {
            Bucket = request.Bucket,
            Prefix = prefix.Length == 0 ? null : prefix,
            Uploads = [.. all.Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal))],
        }.WriteToAsync(context.Response, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteObjectHeaders(HttpResponse response, UriStatus status)
    {
        response.Headers.ETag = S3Namespace.ETagOf(status);
        response.Headers.LastModified = S3Timestamp.FormatHttpDate(status.LastModificationTime);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = status.XAttr.TryGetValue(S3XAttr.ContentType, out var type) ? type.ToStringUtf8() : "application/octet-stream";
        foreach (var (name, value) in status.XAttr)
        {
            if (name.StartsWith(S3XAttr.UserMetadataPrefix, StringComparison.Ordinal))
            {
                response.Headers["x-amz-meta-" + name[S3XAttr.UserMetadataPrefix.Length..]] = value.ToStringUtf8();
            }
        }
    }

    /// <summary>What an object keeps of its request's headers: content type and user metadata.</summary>
    private static Dictionary<string, byte[]> ObjectXAttr(IHeaderDictionary headers)
    {
        var xattr = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (headers.ContentType.ToString() is { Length: > 0 } type)
        {
            xattr[S3XAttr.ContentType] = Encoding.UTF8.GetBytes(type);
        }

        if (headers["x-amz-tagging"].ToString() is { Length: > 0 } tagging)
        {
            xattr[S3XAttr.Tags] = Encoding.UTF8.GetBytes(Tagging.FromHeader(tagging).ToHeader());
        }

        var metadataBytes = 0;
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            {
                var key = name["x-amz-meta-".Length..].ToLowerInvariant();
                var text = value.ToString();
                metadataBytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(text);
                xattr[S3XAttr.UserMetadataPrefix + key] = Encoding.UTF8.GetBytes(text);
            }
        }

        return metadataBytes <= 2048
            ? xattr
            : throw new S3Exception(S3ErrorCode.InvalidArgument, $"The user metadata (x-amz-meta-*) is {metadataBytes} bytes; at most 2048 are allowed.");
    }

    private static int MaxKeys(string text)
    {
        if (text.Length == 0)
        {
            return MaxKeysLimit;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, MaxKeysLimit)
            : throw new S3Exception(S3ErrorCode.InvalidArgument, $"Provided max-keys not an integer or within integer range: {text}.");
    }
}
