using System.Net;
using System.Security.Cryptography;
using Alluxio.Testing;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>
/// The proxy's S3 API judged by the AWS SDK for .NET, with its default checksums, against a real master, worker and
/// proxy: buckets, objects with ranges and metadata, listings with delimiters and pages, copies, deletes, presigned
/// URLs, and S3's own errors for bad requests, after which the proxy keeps serving.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 ETags and Content-MD5 are MD5 by definition.")]
public sealed class S3SdkTests : IAsyncLifetime
{
    private ProxyCluster? _cluster;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ProxyCluster.StartAsync(worker: new WorkerProcessOptions { Quota = "256MB" }, cancellationToken: Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task BucketsAndObjectsRoundTripWithMetadataRangesAndCopies()
    {
        using var s3 = Client();
        await s3.PutBucketAsync("data", Token);
        Assert.Contains("data", (await s3.ListBucketsAsync(Token)).Buckets.Select(b => b.BucketName));

        var content = TestContent.Bytes(3 << 20);
        var put = await s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = "data",
                Key = "dir/a file ünïcode.bin",
                InputStream = new MemoryStream(content),
                ContentType = "application/x-test",
                Metadata = { ["origin"] = "sdk" },
            },
            Token);
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"", put.ETag);

        using (var got = await s3.GetObjectAsync("data", "dir/a file ünïcode.bin", Token))
        {
            Assert.Equal(put.ETag, got.ETag);
            Assert.Equal("application/x-test", got.Headers.ContentType);
            Assert.Equal("sdk", got.Metadata["origin"]);
            Assert.Equal(content, await ReadAllAsync(got.ResponseStream));
        }

        using (var part = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "data", Key = "dir/a file ünïcode.bin", ByteRange = new ByteRange(1000, 1999) }, Token))
        {
            Assert.Equal(HttpStatusCode.PartialContent, part.HttpStatusCode);
            Assert.Equal(content.AsSpan(1000, 1000).ToArray(), await ReadAllAsync(part.ResponseStream));
        }

        var head = await s3.GetObjectMetadataAsync("data", "dir/a file ünïcode.bin", Token);
        Assert.Equal(content.Length, head.ContentLength);

        var copy = await s3.CopyObjectAsync("data", "dir/a file ünïcode.bin", "data", "copies/one", Token);
        Assert.Equal(put.ETag, copy.ETag);
        using (var copied = await s3.GetObjectAsync("data", "copies/one", Token))
        {
            Assert.Equal(content, await ReadAllAsync(copied.ResponseStream));
            Assert.Equal("sdk", copied.Metadata["origin"]);
        }

        // The object is in the namespace where the bucket's directory is.
        var fs = _cluster!.Cluster.Connect();
        Assert.Equal(content.Length, (await fs.GetStatusAsync("/data/dir/a file ünïcode.bin", cancellationToken: Token)).Length);
    }

    [Fact]
    public async Task ListingsPageThroughKeysInOrderWithPrefixesAndDelimiters()
    {
        using var s3 = Client();
        await s3.PutBucketAsync("list", Token);
        string[] keys = ["a-c", "a/b", "a/c/d", "b", "b0", "c/x", "c/y", "c/z/1"];
        foreach (var key in keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "list", Key = key, ContentBody = key }, Token);
        }

        // Without a delimiter, every key in byte order, two to a page.
        var seen = new List<string>();
        var request = new ListObjectsV2Request { BucketName = "list", MaxKeys = 2 };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, Token);
            seen.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        Assert.Equal(keys, seen);

        var top = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list", Delimiter = "/" }, Token);
        Assert.Equal(["a-c", "b", "b0"], top.S3Objects.Select(o => o.Key));
        Assert.Equal(["a/", "c/"], top.CommonPrefixes);

        var underC = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = "list", Prefix = "c/", Delimiter = "/" }, Token);
        Assert.Equal(["c/x", "c/y"], underC.S3Objects.Select(o => o.Key));
        Assert.Equal(["c/z/"], underC.CommonPrefixes);

        var deleted = await s3.DeleteObjectsAsync(
            new DeleteObjectsRequest { BucketName = "list", Objects = [.. keys.Select(k => new KeyVersion { Key = k })] }, Token);
        Assert.Equal(keys.Length, deleted.DeletedObjects.Count);
        Assert.Null((await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list" }, Token)).S3Objects);
        await s3.DeleteBucketAsync("list", Token);
    }

    [Fact]
    public async Task BadRequestsGetS3sOwnErrorsAndTheProxyKeepsServing()
    {
        using var s3 = Client();
        await s3.PutBucketAsync("errors", Token);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "errors", Key = "k", ContentBody = "ten bytes!" }, Token);

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync("errors", "nothing", Token));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
        var noBucket = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "nobucket" }, Token));
        Assert.Equal("NoSuchBucket", noBucket.ErrorCode);
        var pastEnd = await Assert.ThrowsAnyAsync<AmazonS3Exception>(
            () => s3.GetObjectAsync(new GetObjectRequest { BucketName = "errors", Key = "k", ByteRange = new ByteRange(10, 20) }, Token));
        Assert.Equal("InvalidRange", pastEnd.ErrorCode);
        var notEmpty = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.DeleteBucketAsync("errors", Token));
        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);
        var twice = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync("errors", Token));
        Assert.Equal("BucketAlreadyOwnedByYou", twice.ErrorCode);

        using var http = new HttpClient();
        var badMd5 = new HttpRequestMessage(HttpMethod.Put, new Uri($"{_cluster!.Proxy.S3Endpoint}/errors/md5")) { Content = new ByteArrayContent("abc"u8.ToArray()) };
        badMd5.Content.Headers.ContentMD5 = MD5.HashData("abd"u8);
        var refused = await http.SendAsync(badMd5, Token);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<Code>BadDigest</Code>", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync("errors", "md5", Token));

        var malformed = await http.PostAsync(new Uri($"{_cluster!.Proxy.S3Endpoint}/errors?delete"), new StringContent("<Delete><Object><Key>k</Key>"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("<Code>MalformedXML</Code>", await malformed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var noUpload = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.UploadPartAsync(
            new UploadPartRequest { BucketName = "errors", Key = "k2", UploadId = "0123456789abcdef0123456789abcdef", PartNumber = 1, InputStream = new MemoryStream(new byte[10]) }, Token));
        Assert.Equal("NoSuchUpload", noUpload.ErrorCode);
        var badPart = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(
            new CompleteMultipartUploadRequest { BucketName = "errors", Key = "k2", UploadId = "not-an-upload", PartETags = [new PartETag(1, "\"x\"")] }, Token));
        Assert.Equal("NoSuchUpload", badPart.ErrorCode);

        // Still serving, and the object is intact.
        using var again = await s3.GetObjectAsync("errors", "k", Token);
        Assert.Equal("ten bytes!"u8.ToArray(), await ReadAllAsync(again.ResponseStream));
    }

    [Fact]
    public async Task APresignedUrlReadsTheObjectWithoutTheSdk()
    {
        using var s3 = Client();
        await s3.PutBucketAsync("presigned", Token);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "presigned", Key = "p.txt", ContentBody = "shared" }, Token);

        var url = await s3.GetPreSignedURLAsync(
            new GetPreSignedUrlRequest { BucketName = "presigned", Key = "p.txt", Expires = DateTime.UtcNow.AddMinutes(5), Verb = HttpVerb.GET, Protocol = Protocol.HTTP });

        using var http = new HttpClient();
        Assert.Equal("shared", await http.GetStringAsync(new Uri(url), Token));
    }

    [Fact]
    public async Task ASinglePartUploadBecomesTheObjectByARename_WithItsMetadataAndMultipartETag()
    {
        using var s3 = Client();
        await s3.PutBucketAsync("mpu", Token);
        var content = TestContent.Bytes(3 << 20);
        var init = await s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = "mpu", Key = "dir/one", ContentType = "text/plain", Metadata = { ["color"] = "blue" } }, Token);
        var part = await s3.UploadPartAsync(
            new UploadPartRequest { BucketName = "mpu", Key = "dir/one", UploadId = init.UploadId, PartNumber = 1, InputStream = new MemoryStream(content) }, Token);
        var fs = _cluster!.Cluster.Connect();
        var partFile = await fs.ListStatusAsync("/mpu", new Alluxio.Client.Options.ListStatusOptions { Recursive = true }, Token)
            .SingleAsync(s => !s.IsFolder, Token);

        var done = await s3.CompleteMultipartUploadAsync(
            new CompleteMultipartUploadRequest { BucketName = "mpu", Key = "dir/one", UploadId = init.UploadId, PartETags = [new PartETag(1, part.ETag)] }, Token);

        // The part's own file is the object now: nothing was copied.
        var status = await fs.GetStatusAsync("/mpu/dir/one", cancellationToken: Token);
        Assert.Equal(partFile.FileId, status.FileId);
        var expectedETag = $"\"{Convert.ToHexStringLower(MD5.HashData(MD5.HashData(content)))}-1\"";
        Assert.Equal(expectedETag, done.ETag);
        using var get = await s3.GetObjectAsync("mpu", "dir/one", Token);
        Assert.Equal(content, await ReadAllAsync(get.ResponseStream));
        Assert.Equal(expectedETag, get.ETag);
        Assert.Equal("text/plain", get.Headers.ContentType);
        Assert.Equal("blue", get.Metadata["color"]);
        Assert.Empty((await s3.ListMultipartUploadsAsync("mpu", Token)).MultipartUploads ?? []);
        Assert.Equal(["dir/one"], (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "mpu" }, Token)).S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task ConditionalGetsAnswerNotModifiedOrPreconditionFailed_AndResponseParametersSetHeaders()
    {
        using var s3 = Client();
        await s3.PutBucketAsync("cond", Token);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "cond", Key = "c.txt", ContentBody = "conditional" }, Token);
        var head = await s3.GetObjectMetadataAsync("cond", "c.txt", Token);

        using var matched = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "cond", Key = "c.txt", EtagToMatch = head.ETag }, Token);
        var notModified = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.GetObjectAsync(new GetObjectRequest { BucketName = "cond", Key = "c.txt", EtagToNotMatch = head.ETag }, Token));
        var failed = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.GetObjectAsync(new GetObjectRequest { BucketName = "cond", Key = "c.txt", UnmodifiedSinceDate = DateTime.UtcNow.AddHours(-1) }, Token));

        Assert.Equal("conditional", await new StreamReader(matched.ResponseStream).ReadToEndAsync(Token));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal("PreconditionFailed", failed.ErrorCode);

        var overrides = new ResponseHeaderOverrides { ContentType = "application/x-override", CacheControl = "no-store", ContentLanguage = "zh" };
        using var overridden = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "cond", Key = "c.txt", ResponseHeaderOverrides = overrides }, Token);
        Assert.Equal("application/x-override", overridden.Headers.ContentType);
        Assert.Equal("no-store", overridden.Headers.CacheControl);
        Assert.Equal("zh", overridden.Headers.ContentLanguage);
    }

    [Fact]
    public async Task EachRequestActsAsTheUserItsAccessKeyNames_AndAnUnsignedOneAsTheProxy()
    {
        using var alice = Client("alice");
        using var bob = Client("bob");
        await alice.PutBucketAsync("owned", Token);
        await alice.PutObjectAsync(new PutObjectRequest { BucketName = "owned", Key = "a/by-alice", ContentBody = "a" }, Token);
        await bob.PutObjectAsync(new PutObjectRequest { BucketName = "owned", Key = "by-bob", ContentBody = "b" }, Token);
        using var http = new HttpClient();
        using var unsigned = await http.PutAsync(new Uri(_cluster!.Proxy.S3Endpoint + "/owned/unsigned"), new StringContent("u"), Token);
        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);

        var fs = _cluster.Cluster.Connect();
        Assert.Equal("alice", (await fs.GetStatusAsync("/owned", cancellationToken: Token)).Owner);
        Assert.Equal("alice", (await fs.GetStatusAsync("/owned/a", cancellationToken: Token)).Owner);
        Assert.Equal("alice", (await fs.GetStatusAsync("/owned/a/by-alice", cancellationToken: Token)).Owner);
        Assert.Equal("bob", (await fs.GetStatusAsync("/owned/by-bob", cancellationToken: Token)).Owner);
        Assert.Equal(Environment.UserName, (await fs.GetStatusAsync("/owned/unsigned", cancellationToken: Token)).Owner);
    }

    private AmazonS3Client Client(string accessKey = "alluxio-s3-user") =>
        new(
            new BasicAWSCredentials(accessKey, "FAKE-S3-SECRET-unused"),
            new AmazonS3Config { ServiceURL = _cluster!.Proxy.S3Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", UseHttp = true });

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        return copy.ToArray();
    }
}
