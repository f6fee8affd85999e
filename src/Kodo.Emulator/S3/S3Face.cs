using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Alluxio.Paths;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol.Hashing;
using Microsoft.AspNetCore.Http.Features;
using S3.Protocol;
using S3.Protocol.Auth;
using S3.Protocol.Body;
using S3.Protocol.Errors;
using S3.Protocol.Xml;

namespace Kodo.Emulator.S3;

/// <summary>
/// Kodo's S3-compatible API over the emulator's buckets: every request must carry a Signature V4 of the account's
/// keys for the configured region. A request addresses a bucket by the first label of its Host when that names an
/// existing bucket (virtual-host style), else by the first path segment (path style).
/// </summary>
internal sealed class S3Face
{
    private const int MaxListKeys = 1000;
    private const long MinPartSize = 5L * 1024 * 1024;
    private const string DefaultMimeType = "application/octet-stream";
    private const string MetaPrefix = "x-amz-meta-";

    private static readonly S3Owner s_owner = new("kodo-emulator", "kodo-emulator");

    private static readonly HashSet<string> s_bucketParameters = new(StringComparer.Ordinal)
    {
        "list-type", "prefix", "delimiter", "marker", "max-keys", "continuation-token", "start-after", "encoding-type", "fetch-owner", "location",
        "delete", "x-id", "uploads", "key-marker", "upload-id-marker", "max-uploads",
    };

    private static readonly HashSet<string> s_objectParameters = new(
        ["uploads", "uploadId", "partNumber", "max-parts", "part-number-marker", "x-id", .. S3ResponseOverrides.Parameters.Select(p => p.Parameter)],
        StringComparer.Ordinal);

    private readonly EmulatorState _state;
    private readonly SigV4Verifier _verifier;
    private readonly string _region;
    private readonly DateTimeOffset _started;
    private readonly ConcurrentDictionary<string, S3Upload> _uploads = new(StringComparer.Ordinal);

    public S3Face(EmulatorState state, string accessKey, string secretKey, string region)
    {
        _state = state;
        _region = region;
        _started = state.Time.GetUtcNow();
        var credentials = new InMemoryS3Credentials([new(accessKey, secretKey)]);
        _verifier = new SigV4Verifier(credentials, state.Time, new SigV4Options { Region = region });
    }

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        context.Response.Headers[S3ErrorResponse.RequestIdHeader] = requestId;
        _state.Counters.Increment("s3");
        try
        {
            var principal = _verifier.Verify(context.Request);
            if (principal.IsAnonymous)
            {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }

            // The same network as the native API: each request waits the latency, and bodies move at the capped rate.
            var fault = _state.Faults.Decide();
            if (fault.Latency > TimeSpan.Zero)
            {
                await Task.Delay(fault.Latency, context.RequestAborted);
            }

            var (bucket, key) = Address(context);
            await DispatchAsync(context, principal, bucket, key, fault.Throttle, context.RequestAborted);
        }
        catch (S3Exception e) when (!context.Response.HasStarted)
        {
            await S3ErrorResponse.WriteAsync(context, e, requestId, CancellationToken.None);
        }
    }

    private (string? Bucket, string Key) Address(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = S3UriEncoding.Decode(query < 0 ? raw : raw[..query], plusIsSpace: false);
        if (path.StartsWith('/'))
        {
            path = path[1..];
        }

        var host = context.Request.Host.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && !IPAddress.TryParse(host, out _) && _state.Store.FindBucket(host[..dot]) is not null)
        {
            return (host[..dot], path);
        }

        if (path.Length == 0)
        {
            return (null, string.Empty);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (path, string.Empty) : (path[..slash], path[(slash + 1)..]);
    }

    private Task DispatchAsync(HttpContext context, S3Principal principal, string? bucketName, string key, Throttle throttle, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var method = request.Method;
        if (bucketName is null)
        {
            return HttpMethods.IsGet(method) ? ListBucketsAsync(context, cancellationToken) : throw new S3Exception(S3ErrorCode.MethodNotAllowed);
        }

        if (key.Length == 0)
        {
            CheckParameters(request, s_bucketParameters);
            if (HttpMethods.IsPut(method) && request.Query.Count == 0)
            {
                CreateBucket(context, bucketName);
                return Task.CompletedTask;
            }

            var bucket = FindBucket(bucketName);
            return method switch
            {
                _ when HttpMethods.IsHead(method) => Task.CompletedTask,
                _ when HttpMethods.IsGet(method) && request.Query.ContainsKey("location") =>
                    new LocationConstraint { Region = _region }.WriteToAsync(context.Response, cancellationToken),
                _ when HttpMethods.IsGet(method) && request.Query.ContainsKey("uploads") => ListMultipartUploadsAsync(context, bucket, cancellationToken),
                _ when HttpMethods.IsGet(method) && request.Query["list-type"] == "2" => ListObjectsV2Async(context, bucket, cancellationToken),
                _ when HttpMethods.IsGet(method) => ListObjectsV1Async(context, bucket, cancellationToken),
                _ when HttpMethods.IsPost(method) && request.Query.ContainsKey("delete") => DeleteObjectsAsync(context, principal, bucket, cancellationToken),
                _ when HttpMethods.IsDelete(method) => AnswerAsync(() => DeleteBucket(context, bucket)),
                _ => throw new S3Exception(S3ErrorCode.MethodNotAllowed),
            };
        }

        CheckParameters(request, s_objectParameters);
        var objectBucket = FindBucket(bucketName);
        var query = request.Query;
        var uploadId = query["uploadId"].ToString();
        return method switch
        {
            _ when HttpMethods.IsGet(method) && query.ContainsKey("uploadId") => ListPartsAsync(context, FindUpload(uploadId, objectBucket, key), cancellationToken),
            _ when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => GetObjectAsync(context, objectBucket, key, throttle, cancellationToken),
            _ when HttpMethods.IsPut(method) && query.ContainsKey("uploadId") =>
                UploadPartAsync(context, principal, FindUpload(uploadId, objectBucket, key), throttle, cancellationToken),
            _ when HttpMethods.IsPut(method) && request.Headers.ContainsKey(S3CopySource.Header) => CopyObjectAsync(context, objectBucket, key, cancellationToken),
            _ when HttpMethods.IsPut(method) => PutObjectAsync(context, principal, objectBucket, key, throttle, cancellationToken),
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploads") => CreateMultipartUploadAsync(context, objectBucket, key, cancellationToken),
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploadId") =>
                CompleteMultipartUploadAsync(context, principal, FindUpload(uploadId, objectBucket, key), cancellationToken),
            _ when HttpMethods.IsDelete(method) && query.ContainsKey("uploadId") => AnswerAsync(() => AbortMultipartUpload(context, FindUpload(uploadId, objectBucket, key))),
            _ when HttpMethods.IsDelete(method) => AnswerAsync(() => DeleteObject(context, objectBucket, key)),
            _ => throw new S3Exception(S3ErrorCode.MethodNotAllowed),
        };
    }

    /// <summary>Runs a handler that answers without a body.</summary>
    private static Task AnswerAsync(Action handler)
    {
        handler();
        return Task.CompletedTask;
    }

    /// <summary>Sub-resources this face does not serve (ACLs, tagging, versions, ...) answer NotImplemented, as unknown to Kodo.</summary>
    private static void CheckParameters(HttpRequest request, HashSet<string> known)
    {
        foreach (var name in request.Query.Keys)
        {
            if (!known.Contains(name) && !name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase))
            {
                throw new S3Exception(S3ErrorCode.NotImplemented, $"The '{name}' sub-resource is not implemented by the Kodo emulator.");
            }
        }
    }

    private Bucket FindBucket(string name) =>
        _state.Store.FindBucket(name) ?? throw new S3Exception(S3ErrorCode.NoSuchBucket, resource: "/" + name) { Details = [new("BucketName", name)] };

    private S3Upload FindUpload(string uploadId, Bucket bucket, string key) =>
        _uploads.TryGetValue(uploadId, out var upload) && upload.Bucket == bucket.Name && upload.Key == key
            ? upload
            : throw new S3Exception(S3ErrorCode.NoSuchUpload) { Details = [new("UploadId", uploadId)] };

    private void CreateBucket(HttpContext context, string name)
    {
        S3BucketName.Validate(name);
        if (!_state.Store.CreateBucket(name))
        {
            throw new S3Exception(S3ErrorCode.BucketAlreadyOwnedByYou) { Details = [new("BucketName", name)] };
        }

        context.Response.Headers.Location = "/" + name;
    }

    private void DeleteBucket(HttpContext context, Bucket bucket)
    {
        if (!_state.Store.DropBucket(bucket.Name))
        {
            throw new S3Exception(S3ErrorCode.BucketNotEmpty) { Details = [new("BucketName", bucket.Name)] };
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task ListBucketsAsync(HttpContext context, CancellationToken cancellationToken) =>
        new ListAllMyBucketsResult
        {
            Owner = s_owner,
            Buckets = [.. _state.Store.BucketNames.Select(name => new S3BucketEntry(name, _started))],
        }.WriteToAsync(context.Response, cancellationToken);

    private static Task ListObjectsV1Async(HttpContext context, Bucket bucket, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var (prefix, delimiter, maxKeys, encoding) = ListParameters(query);
        var marker = query["marker"].ToString();
        var page = ListPage(bucket, prefix, delimiter, marker.Length == 0 ? null : marker, maxKeys);
        return new ListBucketResult
        {
            Name = bucket.Name,
            Prefix = prefix,
            Delimiter = delimiter,
            MaxKeys = maxKeys,
            EncodingType = encoding,
            Marker = marker,
            NextMarker = page.Truncated && delimiter is not null ? page.Next : null,
            IsTruncated = page.Truncated,
            Contents = [.. page.Items.Select(info => Entry(info, withOwner: true))],
            CommonPrefixes = page.Prefixes,
        }.WriteToAsync(context.Response, cancellationToken);
    }

    private static Task ListObjectsV2Async(HttpContext context, Bucket bucket, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var (prefix, delimiter, maxKeys, encoding) = ListParameters(query);
        var token = query.ContainsKey("continuation-token") ? query["continuation-token"].ToString() : null;
        var startAfter = query.ContainsKey("start-after") ? query["start-after"].ToString() : null;
        string? after = startAfter is { Length: > 0 } ? startAfter : null;
        if (token is not null)
        {
            var tokenKey = S3ContinuationToken.Decode(token);
            after = after is null || CodePointOrder.Instance.Compare(tokenKey, after) > 0 ? tokenKey : after;
        }

        var page = ListPage(bucket, prefix, delimiter, after, maxKeys);
        var withOwner = query["fetch-owner"] == "true";
        return new ListBucketV2Result
        {
            Name = bucket.Name,
            Prefix = prefix,
            Delimiter = delimiter,
            MaxKeys = maxKeys,
            EncodingType = encoding,
            KeyCount = page.Items.Count + page.Prefixes.Count,
            ContinuationToken = token,
            NextContinuationToken = page.Truncated ? S3ContinuationToken.Encode(page.Next!) : null,
            StartAfter = startAfter,
            IsTruncated = page.Truncated,
            Contents = [.. page.Items.Select(info => Entry(info, withOwner))],
            CommonPrefixes = page.Prefixes,
        }.WriteToAsync(context.Response, cancellationToken);
    }

    private static (string Prefix, string? Delimiter, int MaxKeys, string? Encoding) ListParameters(IQueryCollection query)
    {
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var maxKeys = MaxListKeys;
        if (query.ContainsKey("max-keys") &&
            (!int.TryParse(query["max-keys"], NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys)))
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Provided max-keys not an integer or within integer range");
        }

        var encoding = query.ContainsKey("encoding-type") ? query["encoding-type"].ToString() : null;
        if (encoding is not null && !encoding.Equals("url", StringComparison.OrdinalIgnoreCase))
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request");
        }

        return (prefix, delimiter.Length == 0 ? null : delimiter, Math.Min(maxKeys, MaxListKeys), encoding is null ? null : "url");
    }

    /// <summary>
    /// Up to <paramref name="maxKeys"/> objects and common prefixes after <paramref name="after"/>, from the bucket's
    /// sorted listing. Next is the last key or prefix returned, which as the next marker resumes right after it.
    /// </summary>
    private static S3ListPage ListPage(Bucket bucket, string prefix, string? delimiter, string? after, int maxKeys)
    {
        var items = new List<ObjectInfo>();
        var prefixes = new List<string>();
        string? next = null;
        while (items.Count + prefixes.Count < maxKeys)
        {
            var page = bucket.List(prefix, delimiter, after, MaxListKeys);
            var entries = page.Items.Select(i => (Name: i.Key, Info: (ObjectInfo?)i))
                .Concat(page.CommonPrefixes.Select(p => (Name: p, Info: (ObjectInfo?)null)))
                .Order(Comparer<(string Name, ObjectInfo? Info)>.Create((x, y) => CodePointOrder.Instance.Compare(x.Name, y.Name)))
                .ToList();
            foreach (var (name, info) in entries)
            {
                if (items.Count + prefixes.Count == maxKeys)
                {
                    return new S3ListPage(items, prefixes, next, Truncated: true);
                }

                if (info is not null)
                {
                    items.Add(info);
                }
                else
                {
                    prefixes.Add(name);
                }

                next = name;
            }

            if (page.LastScannedKey is null)
            {
                return new S3ListPage(items, prefixes, next, Truncated: false);
            }

            after = page.LastScannedKey;
        }

        // The page is full: it is truncated if anything follows the last entry returned.
        var rest = bucket.List(prefix, delimiter, next ?? after, 1);
        var more = rest.Items.Count > 0 || rest.CommonPrefixes.Count > 0 || rest.LastScannedKey is not null;
        return new S3ListPage(items, prefixes, next, more);
    }

    private static S3ObjectEntry Entry(ObjectInfo info, bool withOwner) => new()
    {
        Key = info.Key,
        LastModified = PutTime.ToDateTime(info.PutTime),
        ETag = info.ETag,
        Size = info.Size,
        Owner = withOwner ? s_owner : null,
    };

    private async Task GetObjectAsync(HttpContext context, Bucket bucket, string key, Throttle throttle, CancellationToken cancellationToken)
    {
        var info = bucket.Find(key) ?? throw NoSuchKey(key);
        var response = context.Response;
        if (!S3Preconditions.ShouldSend(context.Request, info.ETag, PutTime.ToDateTime(info.PutTime)))
        {
            SetObjectHeaders(response, info);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var result = S3Range.TryParse(context.Request.Headers.Range, info.Size, out var offset, out var count);
        response.Headers.AcceptRanges = "bytes";
        if (result == S3RangeResult.NotSatisfiable)
        {
            response.Headers.ContentRange = S3Range.FormatUnsatisfiedContentRange(info.Size);
            throw new S3Exception(S3ErrorCode.InvalidRange) { Details = [new("ActualObjectSize", info.Size.ToString(CultureInfo.InvariantCulture))] };
        }

        SetObjectHeaders(response, info);
        S3ResponseOverrides.Apply(context.Request, response);

        if (result == S3RangeResult.Partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = S3Range.FormatContentRange(offset, count, info.Size);
        }

        response.ContentLength = count;
        if (HttpMethods.IsHead(context.Request.Method) || count == 0)
        {
            return;
        }

        await ObjectBody.SendAsync(response, _state.Store.Blobs, info, offset, count, throttle, count, cancellationToken);
    }

    private static void SetObjectHeaders(HttpResponse response, ObjectInfo info)
    {
        response.Headers.ETag = info.ETag;
        response.Headers.LastModified = S3Timestamp.FormatHttpDate(PutTime.ToDateTime(info.PutTime));
        response.ContentType = info.MimeType;
        foreach (var (name, value) in info.Meta)
        {
            response.Headers[MetaPrefix + name] = value;
        }
    }

    private async Task PutObjectAsync(HttpContext context, S3Principal principal, Bucket bucket, string key, Throttle throttle, CancellationToken cancellationToken)
    {
        CheckKey(key);
        var request = context.Request;
        using var blob = await ReceiveAsync(request, principal, throttle, cancellationToken);
        var md5 = blob.Md5;
        var info = new ObjectInfo(
            bucket.Name, key, blob.Blob.Size, blob.Blob.Digests.Qetag(), MimeTypeOf(request), PutTime.Now(_state.Time),
            Convert.ToHexStringLower(md5), MetaOf(request), blob.Blob.BlobId, S3ETag: S3ETag.FromMd5(md5));
        if (_state.Store.Commit([blob.Blob], info, overwrite: true) != PutOutcome.Stored)
        {
            throw new S3Exception(S3ErrorCode.NoSuchBucket, resource: "/" + bucket.Name);
        }

        context.Response.Headers.ETag = info.ETag;
    }

    /// <summary>Streams a request body into a new blob, checked against its signature and declared digests.</summary>
    private async Task<ReceivedBlob> ReceiveAsync(HttpRequest request, S3Principal principal, Throttle throttle, CancellationToken cancellationToken, bool durable = true)
    {
        await using var body = S3RequestBody.OpenBody(request, principal);
        var blob = _state.Store.Stage(withMd5: false);
        try
        {
            await blob.AppendAsync(body, long.MaxValue, throttle, cancellationToken);
            await blob.SealAsync(durable);
            var md5 = body.ContentMd5 ?? throw new S3Exception(S3ErrorCode.IncompleteBody);
            return new ReceivedBlob(blob, md5);
        }
        catch
        {
            blob.Dispose();
            throw;
        }
    }

    private static void CheckKey(string key)
    {
        S3ObjectKey.Validate(key);
        if (ObjectKeys.IsTooLong(key))
        {
            throw new S3Exception(S3ErrorCode.KeyTooLongError);
        }
    }

    private static string MimeTypeOf(HttpRequest request) => string.IsNullOrEmpty(request.ContentType) ? DefaultMimeType : request.ContentType;

    private static Dictionary<string, string> MetaOf(HttpRequest request)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > MetaPrefix.Length)
            {
                meta[name[MetaPrefix.Length..].ToLowerInvariant()] = value.ToString();
            }
        }

        return meta;
    }

    private static S3Exception NoSuchKey(string key) => new(S3ErrorCode.NoSuchKey) { Details = [new("Key", key)] };

    private async Task CopyObjectAsync(HttpContext context, Bucket bucket, string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        var request = context.Request;
        var (sourceBucket, sourceKey) = S3CopySource.Parse(request.Headers[S3CopySource.Header]);
        var original = FindBucket(sourceBucket).Find(sourceKey) ?? throw NoSuchKey(sourceKey);
        var replace = S3CopySource.ReplacesMetadata(request.Headers);
        var now = PutTime.Now(_state.Time);
        if (sourceBucket == bucket.Name && sourceKey == key)
        {
            if (!replace)
            {
                throw new S3Exception(
                    S3ErrorCode.InvalidRequest,
                    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
            }

            _state.Store.UpdateMetadata(original with { MimeType = MimeTypeOf(request), Meta = MetaOf(request), PutTime = now });
        }
        else
        {
            switch (_state.Store.Copy(sourceBucket, sourceKey, bucket.Name, key, force: true, move: false, now))
            {
                case PutOutcome.NoSuchSource:
                    throw NoSuchKey(sourceKey);
                case PutOutcome.NoSuchBucket:
                    throw new S3Exception(S3ErrorCode.NoSuchBucket);
                default:
                    break;
            }

            if (replace && bucket.Find(key) is { } copy)
            {
                _state.Store.UpdateMetadata(copy with { MimeType = MimeTypeOf(request), Meta = MetaOf(request) });
            }
        }

        var stored = bucket.Find(key) ?? throw NoSuchKey(key);
        await new CopyObjectResult { LastModified = PutTime.ToDateTime(stored.PutTime), ETag = stored.ETag }.WriteToAsync(context.Response, cancellationToken);
    }

    private void DeleteObject(HttpContext context, Bucket bucket, string key)
    {
        _state.Store.Delete(bucket.Name, key);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task DeleteObjectsAsync(HttpContext context, S3Principal principal, Bucket bucket, CancellationToken cancellationToken)
    {
        DeleteObjects delete;
        await using (var body = S3RequestBody.OpenBody(context.Request, principal))
        {
            delete = await S3XmlReader.ReadDeleteAsync(body, cancellationToken);
        }

        var deleted = new List<S3DeletedObject>();
        foreach (var target in delete.Objects)
        {
            _state.Store.Delete(bucket.Name, target.Key);
            if (!delete.Quiet)
            {
                deleted.Add(new S3DeletedObject(target.Key, target.VersionId));
            }
        }

        await new DeleteResult { Deleted = deleted }.WriteToAsync(context.Response, cancellationToken);
    }

    private Task CreateMultipartUploadAsync(HttpContext context, Bucket bucket, string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        var id = Guid.NewGuid().ToString("N");
        _uploads[id] = new S3Upload(id, bucket.Name, key, MimeTypeOf(context.Request), MetaOf(context.Request), _state.Time.GetUtcNow());
        return new InitiateMultipartUploadResult { Bucket = bucket.Name, Key = key, UploadId = id }.WriteToAsync(context.Response, cancellationToken);
    }

    private async Task UploadPartAsync(HttpContext context, S3Principal principal, S3Upload upload, Throttle throttle, CancellationToken cancellationToken)
    {
        if (!int.TryParse(context.Request.Query["partNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            number is < 1 or > S3XmlReader.MaxPartNumber)
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive.");
        }

        var copy = context.Request.Headers.ContainsKey(S3CopySource.Header);
        var received = copy
            ? await CopyRangeAsync(context.Request, throttle, cancellationToken)
            : await ReceiveAsync(context.Request, principal, throttle, cancellationToken, durable: false);
        var part = new S3UploadedPart(number, received.Blob, received.Md5, received.Blob.Digests.Qetag(), _state.Time.GetUtcNow());
        S3UploadedPart? replaced = null;
        upload.Parts.AddOrUpdate(number, part, (_, old) =>
        {
            replaced = old;
            return part;
        });
        replaced?.Blob.Dispose();
        if (!_uploads.ContainsKey(upload.Id))
        {
            // Completed or aborted meanwhile: the part belongs to nothing.
            upload.DiscardParts();
            throw new S3Exception(S3ErrorCode.NoSuchUpload);
        }

        if (copy)
        {
            await new CopyPartResult { ETag = part.ETag, LastModified = part.LastModified }.WriteToAsync(context.Response, cancellationToken);
            return;
        }

        context.Response.Headers.ETag = part.ETag;
    }

    /// <summary>UploadPartCopy's bytes: the range of the source object that x-amz-copy-source-range names, into a new blob.</summary>
    private async Task<ReceivedBlob> CopyRangeAsync(HttpRequest request, Throttle throttle, CancellationToken cancellationToken)
    {
        var (sourceBucket, sourceKey) = S3CopySource.Parse(request.Headers[S3CopySource.Header]);
        var source = FindBucket(sourceBucket).Find(sourceKey) ?? throw NoSuchKey(sourceKey);
        var (offset, count) = S3CopySource.Range(request.Headers[S3CopySource.RangeHeader], source.Size);
        var blob = _state.Store.Stage(withMd5: true);
        try
        {
            foreach (var range in source.Ranges(offset, count))
            {
                await using var input = _state.Store.Blobs.OpenRead(range.BlobId);
                input.Seek(range.Offset, SeekOrigin.Begin);
                await blob.AppendAsync(new LengthLimitedStream(input, range.Length), long.MaxValue, throttle, cancellationToken);
            }

            await blob.SealAsync(durable: false);
            return new ReceivedBlob(blob, Convert.FromHexString(blob.Digests.Md5Hex()!));
        }
        catch
        {
            blob.Dispose();
            throw;
        }
    }

    private async Task CompleteMultipartUploadAsync(HttpContext context, S3Principal principal, S3Upload upload, CancellationToken cancellationToken)
    {
        CompleteMultipartUpload complete;
        await using (var body = S3RequestBody.OpenBody(context.Request, principal))
        {
            complete = await S3XmlReader.ReadCompleteMultipartUploadAsync(body, cancellationToken);
        }

        if (complete.Parts.Count == 0)
        {
            throw new S3Exception(S3ErrorCode.MalformedXML, "You must specify at least one part.");
        }

        var parts = new List<S3UploadedPart>();
        foreach (var requested in complete.Parts)
        {
            if (!upload.Parts.TryGetValue(requested.PartNumber, out var part) || S3ETag.Unquote(requested.ETag) != S3ETag.Unquote(part.ETag))
            {
                throw new S3Exception(S3ErrorCode.InvalidPart);
            }

            if (parts.Count > 0 && parts[^1].Size < MinPartSize)
            {
                throw new S3Exception(S3ErrorCode.EntityTooSmall)
                {
                    Details = [new("ProposedSize", parts[^1].Size.ToString(CultureInfo.InvariantCulture)), new("MinSizeAllowed", MinPartSize.ToString(CultureInfo.InvariantCulture))],
                };
            }

            parts.Add(part);
        }

        if (!_uploads.TryRemove(upload.Id, out _))
        {
            throw new S3Exception(S3ErrorCode.NoSuchUpload);
        }

        var blobs = parts.Select(p => p.Blob).ToList();
        foreach (var blob in blobs)
        {
            await blob.SealAsync();
        }

        var hash = EtagV2.Compute([.. parts.Select(p => new PartEtag(p.Size, p.Qetag))]);
        var etag = S3ETag.Multipart(parts.Select(p => p.Md5));
        var segments = blobs.Count == 1 ? null : blobs.Select(b => new BlobSegment(b.BlobId, b.Size)).ToList();
        var info = new ObjectInfo(
            upload.Bucket, upload.Key, parts.Sum(p => p.Size), hash, upload.MimeType, PutTime.Now(_state.Time), null, upload.Meta, blobs[0].BlobId,
            Segments: segments, S3ETag: etag);
        var outcome = _state.Store.Commit(blobs, info, overwrite: true);
        upload.DiscardParts();
        if (outcome != PutOutcome.Stored)
        {
            throw new S3Exception(S3ErrorCode.NoSuchBucket);
        }

        await new CompleteMultipartUploadResult
        {
            Location = $"http://{context.Request.Host}/{upload.Bucket}/{S3UriEncoding.Encode(upload.Key, encodeSlash: false)}",
            Bucket = upload.Bucket,
            Key = upload.Key,
            ETag = etag,
        }.WriteToAsync(context.Response, cancellationToken);
    }

    private void AbortMultipartUpload(HttpContext context, S3Upload upload)
    {
        if (_uploads.TryRemove(upload.Id, out _))
        {
            upload.DiscardParts();
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The uploads in progress in a bucket, in key order, in one page: the emulator holds few.</summary>
    private Task ListMultipartUploadsAsync(HttpContext context, Bucket bucket, CancellationToken cancellationToken)
    {
        var prefix = context.Request.Query["prefix"].ToString();
        var uploads = _uploads.Values
            .Where(u => u.Bucket == bucket.Name && u.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(u => u.Key, CodePointOrder.Instance)
            .ThenBy(u => u.Initiated)
            .Select(u => new S3UploadEntry { Key = u.Key, UploadId = u.Id, Initiated = u.Initiated, Initiator = s_owner, Owner = s_owner })
            .ToList();
        return new ListMultipartUploadsResult { Bucket = bucket.Name, Prefix = prefix, Uploads = uploads }.WriteToAsync(context.Response, cancellationToken);
    }

    private static Task ListPartsAsync(HttpContext context, S3Upload upload, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        _ = int.TryParse(query["part-number-marker"], NumberStyles.None, CultureInfo.InvariantCulture, out var marker);
        var maxParts = int.TryParse(query["max-parts"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? Math.Min(max, 1000) : 1000;
        var parts = upload.Parts.Values.Where(p => p.Number > marker).OrderBy(p => p.Number).ToList();
        var page = parts.Take(maxParts).ToList();
        var truncated = parts.Count > page.Count;
        return new ListPartsResult
        {
            Bucket = upload.Bucket,
            Key = upload.Key,
            UploadId = upload.Id,
            Initiator = s_owner,
            Owner = s_owner,
            PartNumberMarker = marker,
            NextPartNumberMarker = page.Count > 0 ? page[^1].Number : null,
            MaxParts = maxParts,
            IsTruncated = truncated,
            Parts = [.. page.Select(p => new S3PartEntry(p.Number, p.LastModified, p.ETag, p.Size))],
        }.WriteToAsync(context.Response, cancellationToken);
    }
}
