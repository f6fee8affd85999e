using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>The S3-compatible face driven by the AWS SDK, over the same buckets as the native API.</summary>
public sealed class S3FaceTests
{
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListBuckets_NamesEveryBucket()
    {
        await using var s3 = await S3Emulator.StartAsync("bucket-a", "bucket-b");

        var buckets = await s3.Client.ListBucketsAsync(new ListBucketsRequest(), Ct);

        Assert.Equal(["bucket-a", "bucket-b"], buckets.Buckets.Select(b => b.BucketName));
        Assert.Equal(1, s3.Host.Server.Counters()["s3"]);
    }

    [Fact]
    public async Task PutObject_ThenGetWholeAndRangedAndHead()
    {
        await using var s3 = await S3Emulator.StartAsync();
        var content = RandomNumberGenerator.GetBytes(100_000);

        var put = await s3.Client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Bucket,
                Key = "dir/a b.bin",
                InputStream = new MemoryStream(content),
                ContentType = "image/png",
                Metadata = { ["color"] = "blue" },
            },
            Ct);

        var md5Etag = $"\"{Convert.ToHexStringLower(Md5(content))}\"";
        Assert.Equal(md5Etag, put.ETag);
        using (var whole = await s3.Client.GetObjectAsync(Bucket, "dir/a b.bin", Ct))
        {
            Assert.Equal(content, await ReadAllAsync(whole.ResponseStream));
            Assert.Equal(md5Etag, whole.ETag);
            Assert.Equal("image/png", whole.Headers.ContentType);
            Assert.Equal("blue", whole.Metadata["color"]);
        }

        using (var ranged = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "dir/a b.bin", ByteRange = new ByteRange(100, 199) }, Ct))
        {
            Assert.Equal(HttpStatusCode.PartialContent, ranged.HttpStatusCode);
            Assert.Equal("bytes 100-199/100000", ranged.ContentRange);
            Assert.Equal(content[100..200], await ReadAllAsync(ranged.ResponseStream));
        }

        var head = await s3.Client.GetObjectMetadataAsync(Bucket, "dir/a b.bin", Ct);
        Assert.Equal(100_000, head.ContentLength);
        Assert.Equal(md5Etag, head.ETag);

        var outOfRange = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "dir/a b.bin", ByteRange = new ByteRange(200_000, 200_010) }, Ct));
        Assert.Equal("InvalidRange", outOfRange.ErrorCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, outOfRange.StatusCode);

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.GetObjectAsync(Bucket, "nope", Ct));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
    }

    [Fact]
    public async Task ListObjectsV2_FoldsByDelimiterAndPages()
    {
        await using var s3 = await S3Emulator.StartAsync();
        string[] keys = ["a/1", "a/2", "b", "c/1", "d", "e"];
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "f/x y+z&é.txt", ContentBody = "odd" }, Ct);
        foreach (var key in keys)
        {
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = key }, Ct);
        }

        var folded = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Delimiter = "/" }, Ct);
        Assert.Equal(["b", "d", "e"], folded.S3Objects.Select(o => o.Key));
        Assert.Equal(["a/", "c/", "f/"], folded.CommonPrefixes);
        var encoded = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "f/", Encoding = EncodingType.Url }, Ct);
        // Asked for explicitly, the encoding is left to the caller to undo.
        Assert.Equal(["f/x%20y%2Bz%26%C3%A9.txt"], encoded.S3Objects.Select(o => o.Key));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await s3.Client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = Bucket, Delimiter = "/", MaxKeys = 2, ContinuationToken = token }, Ct);
            seen.AddRange((page.S3Objects?.Select(o => o.Key) ?? []).Concat(page.CommonPrefixes ?? []).Order(StringComparer.Ordinal));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a/", "b", "c/", "d", "e", "f/"], seen);
        Assert.Equal(3, pages);

        var underA = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "a/", StartAfter = "a/1" }, Ct);
        Assert.Equal(["a/2"], underA.S3Objects.Select(o => o.Key));

        var v1 = await s3.Client.ListObjectsAsync(new ListObjectsRequest { BucketName = Bucket, Marker = "c/1" }, Ct);
        Assert.Equal(["d", "e", "f/x y+z&é.txt"], v1.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task CopyObject_KeepsOrReplacesMetadata()
    {
        await using var s3 = await S3Emulator.StartAsync();
        await s3.Client.PutObjectAsync(
            new PutObjectRequest { BucketName = Bucket, Key = "src", ContentBody = "hello", ContentType = "text/plain", Metadata = { ["k"] = "v" } }, Ct);

        var copy = await s3.Client.CopyObjectAsync(Bucket, "src", Bucket, "copy", Ct);
        var replaced = await s3.Client.CopyObjectAsync(
            new CopyObjectRequest
            {
                SourceBucket = Bucket,
                SourceKey = "src",
                DestinationBucket = Bucket,
                DestinationKey = "replaced",
                MetadataDirective = S3MetadataDirective.REPLACE,
                ContentType = "application/json",
            },
            Ct);

        var md5Etag = $"\"{Convert.ToHexStringLower(Md5("hello"u8))}\"";
        Assert.Equal(md5Etag, copy.ETag);
        Assert.Equal(md5Etag, replaced.ETag);
        var copied = await s3.Client.GetObjectMetadataAsync(Bucket, "copy", Ct);
        Assert.Equal("text/plain", copied.Headers.ContentType);
        Assert.Equal("v", copied.Metadata["k"]);
        var replacedHead = await s3.Client.GetObjectMetadataAsync(Bucket, "replaced", Ct);
        Assert.Equal("application/json", replacedHead.Headers.ContentType);
        Assert.Equal(0, replacedHead.Metadata.Count);
    }

    [Fact]
    public async Task DeleteObject_AndDeleteObjects_RemoveKeys()
    {
        await using var s3 = await S3Emulator.StartAsync();
        foreach (var key in new[] { "x", "y", "z" })
        {
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = key }, Ct);
        }

        var deleted = await s3.Client.DeleteObjectAsync(Bucket, "x", Ct);
        var missing = await s3.Client.DeleteObjectAsync(Bucket, "never-there", Ct);
        var many = await s3.Client.DeleteObjectsAsync(
            new DeleteObjectsRequest { BucketName = Bucket, Objects = [new KeyVersion { Key = "y" }, new KeyVersion { Key = "z" }] }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, missing.HttpStatusCode);
        Assert.Equal(["y", "z"], many.DeletedObjects.Select(d => d.Key).Order());
        var left = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, Ct);
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task MultipartUpload_OfThreeParts_ReadsBackWithMultipartEtag()
    {
        await using var s3 = await S3Emulator.StartAsync();
        int[] sizes = [5 << 20, 5 << 20, 1024];
        var parts = sizes.Select(RandomNumberGenerator.GetBytes).ToArray();
        var initiated = await s3.Client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = Bucket, Key = "big.bin", ContentType = "application/x-test" }, Ct);
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var uploaded = await s3.Client.UploadPartAsync(
                new UploadPartRequest
                {
                    BucketName = Bucket,
                    Key = "big.bin",
                    UploadId = initiated.UploadId,
                    PartNumber = i + 1,
                    InputStream = new MemoryStream(parts[i]),
                },
                Ct);
            etags.Add(new PartETag(i + 1, uploaded.ETag));
        }

        var listed = await s3.Client.ListPartsAsync(new ListPartsRequest { BucketName = Bucket, Key = "big.bin", UploadId = initiated.UploadId }, Ct);
        Assert.Equal(sizes.Select(s => (long?)s), listed.Parts.Select(p => p.Size));

        var completed = await s3.Client.CompleteMultipartUploadAsync(
            new CompleteMultipartUploadRequest { BucketName = Bucket, Key = "big.bin", UploadId = initiated.UploadId, PartETags = etags }, Ct);

        var expectedEtag = $"\"{Convert.ToHexStringLower(Md5(parts.SelectMany(p => Md5(p)).ToArray()))}-3\"";
        Assert.Equal(expectedEtag, completed.ETag);
        using var read = await s3.Client.GetObjectAsync(Bucket, "big.bin", Ct);
        Assert.Equal(parts.SelectMany(p => p).ToArray(), await ReadAllAsync(read.ResponseStream));
        Assert.Equal(expectedEtag, read.ETag);
        Assert.Equal("application/x-test", read.Headers.ContentType);

        var aborted = await s3.Client.InitiateMultipartUploadAsync(Bucket, "gone", Ct);
        var open = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket }, Ct);
        Assert.Equal([aborted.UploadId], open.MultipartUploads.Select(u => u.UploadId));
        await s3.Client.AbortMultipartUploadAsync(Bucket, "gone", aborted.UploadId, Ct);
        var noUpload = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.Client.ListPartsAsync(new ListPartsRequest { BucketName = Bucket, Key = "gone", UploadId = aborted.UploadId }, Ct));
        Assert.Equal("NoSuchUpload", noUpload.ErrorCode);
    }

    [Fact]
    public async Task UploadPartCopy_TakesRangesOfObjects_AsAwscliCopiesALargeObject()
    {
        await using var s3 = await S3Emulator.StartAsync();
        var native = RandomNumberGenerator.GetBytes(6 << 20);
        await s3.Host.Kodo.UploadAsync(Bucket, "source/native.bin", native);
        var putThroughS3 = RandomNumberGenerator.GetBytes(1000);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "source/small", InputStream = new MemoryStream(putThroughS3) }, Ct);
        var initiated = await s3.Client.InitiateMultipartUploadAsync(Bucket, "copied.bin", Ct);

        Task<CopyPartResponse> CopyPartAsync(string sourceKey, int partNumber, long? firstByte = null, long? lastByte = null) =>
            s3.Client.CopyPartAsync(
                new CopyPartRequest
                {
                    SourceBucket = Bucket,
                    SourceKey = sourceKey,
                    DestinationBucket = Bucket,
                    DestinationKey = "copied.bin",
                    UploadId = initiated.UploadId,
                    PartNumber = partNumber,
                    FirstByte = firstByte,
                    LastByte = lastByte,
                },
                Ct);

        var first = await CopyPartAsync("source/native.bin", 1, 0, (5 << 20) - 1);
        var second = await CopyPartAsync("source/small", 2);
        var outside = await Assert.ThrowsAsync<AmazonS3Exception>(() => CopyPartAsync("source/small", 3, 500, 5000));
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => CopyPartAsync("source/none", 3));
        await s3.Client.CompleteMultipartUploadAsync(
            new CompleteMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = "copied.bin",
                UploadId = initiated.UploadId,
                PartETags = [new PartETag(1, first.ETag), new PartETag(2, second.ETag)],
            },
            Ct);

        var expectedFirst = native.AsSpan(0, 5 << 20).ToArray();
        Assert.Equal($"\"{Convert.ToHexStringLower(Md5(expectedFirst))}\"", first.ETag);
        Assert.Equal($"\"{Convert.ToHexStringLower(Md5(putThroughS3))}\"", second.ETag);
        Assert.Equal("InvalidArgument", outside.ErrorCode);
        Assert.Equal("NoSuchKey", missing.ErrorCode);
        byte[] joined = [.. expectedFirst, .. putThroughS3];
        using var read = await s3.Client.GetObjectAsync(Bucket, "copied.bin", Ct);
        Assert.Equal(joined, await ReadAllAsync(read.ResponseStream));
    }

    [Fact]
    public async Task ConditionalGets_AnswerNotModifiedOrPreconditionFailed_AndResponseParametersSetHeaders()
    {
        await using var s3 = await S3Emulator.StartAsync();
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "cond.txt", ContentBody = "conditional" }, Ct);
        var head = await s3.Client.GetObjectMetadataAsync(Bucket, "cond.txt", Ct);

        using var matched = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "cond.txt", EtagToMatch = head.ETag }, Ct);
        var notModified = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "cond.txt", EtagToNotMatch = head.ETag }, Ct));
        var notSince = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "cond.txt", ModifiedSinceDate = DateTime.UtcNow.AddHours(1) }, Ct));
        var failed = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "cond.txt", EtagToMatch = "\"other\"" }, Ct));

        Assert.Equal("conditional", await new StreamReader(matched.ResponseStream).ReadToEndAsync(Ct));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notSince.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal("PreconditionFailed", failed.ErrorCode);

        var overrides = new ResponseHeaderOverrides { ContentType = "application/x-override", CacheControl = "no-store", ContentLanguage = "zh" };
        using var overridden = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "cond.txt", ResponseHeaderOverrides = overrides }, Ct);
        Assert.Equal("application/x-override", overridden.Headers.ContentType);
        Assert.Equal("no-store", overridden.Headers.CacheControl);
        Assert.Equal("zh", overridden.Headers.ContentLanguage);
    }

    [Fact]
    public async Task WrongSecret_IsSignatureDoesNotMatch()
    {
        await using var s3 = await S3Emulator.StartAsync();
        using var wrong = s3.CreateClient("not-the-secret");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => wrong.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, Ct));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task AnonymousRequest_IsAccessDenied()
    {
        await using var s3 = await S3Emulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://{s3.Endpoint}/{Bucket}?list-type=2"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestSignedForAnotherRegion_IsRefused()
    {
        await using var s3 = await S3Emulator.StartAsync();
        using var elsewhere = new AmazonS3Client(
            new Amazon.Runtime.BasicAWSCredentials(EmulatorHost.AccessKey, EmulatorHost.SecretKey),
            new AmazonS3Config { ServiceURL = "http://" + s3.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-west-2", UseHttp = true });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => elsewhere.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, Ct));

        Assert.Equal("AuthorizationHeaderMalformed", error.ErrorCode);
    }

    [Fact]
    public async Task UnknownSubresource_IsNotImplemented()
    {
        await using var s3 = await S3Emulator.StartAsync();

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.Client.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = Bucket }, Ct));

        Assert.Equal("NotImplemented", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
    }

    [Fact]
    public async Task VirtualHostStyle_AddressesTheBucketByHost()
    {
        await using var s3 = await S3Emulator.StartAsync();
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "vh.txt", ContentBody = "virtual" }, Ct);
        var port = s3.Endpoint[(s3.Endpoint.LastIndexOf(':') + 1)..];

        // Presigning is offline: the client names Kodo's endpoint, and the request goes to the emulator with that Host.
        using var client = new AmazonS3Client(
            new Amazon.Runtime.BasicAWSCredentials(EmulatorHost.AccessKey, EmulatorHost.SecretKey),
            new AmazonS3Config { ServiceURL = $"http://s3.{S3Emulator.Region}.qiniucs.com:{port}", AuthenticationRegion = S3Emulator.Region, UseHttp = true });
        var url = new Uri(await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = "vh.txt",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Amazon.S3.Protocol.HTTP,
        }));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{s3.Endpoint}{url.PathAndQuery}"));
        request.Headers.Host = url.Authority;

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal($"{Bucket}.s3.{S3Emulator.Region}.qiniucs.com:{port}", url.Authority);
        Assert.Equal("/vh.txt", url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("virtual", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ObjectPutThroughS3_IsReadNatively()
    {
        await using var s3 = await S3Emulator.StartAsync();
        var content = RandomNumberGenerator.GetBytes(70_000);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "from-s3.bin", InputStream = new MemoryStream(content) }, Ct);
        var kodo = s3.Host.Kodo;

        using var response = await kodo.SendAsync(kodo.Download(kodo.SignedUrl(EmulatorHost.DefaultDomain(), "from-s3.bin")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"\"{Qetag.Compute(content)}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task ObjectUploadedNatively_IsReadThroughS3WithQetag()
    {
        await using var s3 = await S3Emulator.StartAsync();
        var content = Encoding.UTF8.GetBytes("uploaded through Kodo's form upload");
        var hash = await s3.Host.Kodo.UploadAsync(Bucket, "native.txt", content);

        var head = await s3.Client.GetObjectMetadataAsync(Bucket, "native.txt", Ct);
        var listed = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, Ct);

        // The SDK checks a whole-object GET against an ETag without '-' as an MD5; a ranged GET is not checked.
        using var read = await s3.Client.GetObjectAsync(
            new GetObjectRequest { BucketName = Bucket, Key = "native.txt", ByteRange = new ByteRange(0, content.Length - 1) }, Ct);

        Assert.Equal($"\"{hash}\"", head.ETag);
        Assert.Equal($"\"{hash}\"", Assert.Single(listed.S3Objects).ETag);
        Assert.Equal(content, await ReadAllAsync(read.ResponseStream));
        Assert.Equal($"\"{hash}\"", read.ETag);
    }

    [Fact]
    public async Task S3ETags_SurviveARestart_AndRecordsWithoutThemKeepTheQetag()
    {
        using var data = new TempDirectory();
        var content = Encoding.UTF8.GetBytes("persisted through S3");
        string nativeHash;
        await using (var first = await S3Emulator.StartInAsync(data.Path))
        {
            await first.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "s3.txt", ContentBody = "persisted through S3" }, Ct);
            nativeHash = await first.Host.Kodo.UploadAsync(Bucket, "native.txt", content);
        }

        // A record as written before the S3 face existed has no s3ETag at all.
        var rewritten = 0;
        foreach (var record in Directory.GetFiles(Path.Combine(data.Path, "buckets", Bucket), "*.json"))
        {
            var text = await File.ReadAllTextAsync(record, Ct);
            var old = text.Replace(",\"s3ETag\":null", "", StringComparison.Ordinal);
            if (old != text)
            {
                await File.WriteAllTextAsync(record, old, Ct);
                rewritten++;
            }
        }

        Assert.Equal(1, rewritten);

        await using var second = await S3Emulator.StartInAsync(data.Path);
        var s3Head = await second.Client.GetObjectMetadataAsync(Bucket, "s3.txt", Ct);
        var nativeHead = await second.Client.GetObjectMetadataAsync(Bucket, "native.txt", Ct);

        Assert.Equal($"\"{Convert.ToHexStringLower(Md5(content))}\"", s3Head.ETag);
        Assert.Equal($"\"{nativeHash}\"", nativeHead.ETag);
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 ETags are MD5 digests; the tests compute them to compare.")]
    private static byte[] Md5(ReadOnlySpan<byte> data) => MD5.HashData(data);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
