using System.Text;
using Microsoft.AspNetCore.Http;
using S3.Protocol.Body;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;
using S3.Protocol.Tests.Support;

namespace S3.Protocol.Tests.Body;

public sealed class S3RequestBodyTests
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");

    private static HttpRequest SignedPut(byte[] body, string? payloadHash = null, params (string Name, string Value)[] headers) =>
        SignedRequests.Create(
            TestSigner.Example, "PUT", "/bucket/key", "/bucket/key",
            payloadHash: payloadHash ?? TestSigner.Sha256Hex(body),
            extraHeaders: headers,
            body: body);

    private static HttpRequest AnonymousPut(byte[] body, params (string Name, string Value)[] headers)
    {
        var request = TestRequests.Create("PUT", "/bucket/key", SignedRequests.Host, headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), body);
        request.ContentLength = body.Length;
        return request;
    }

    private static async Task<S3Exception> ReadFailsAsync(HttpRequest request) =>
        await Assert.ThrowsAsync<S3Exception>(() => StreamingUploads.ReadAsync(request));

    [Fact]
    public async Task SignedHash_MatchingBody_IsReadWithItsMd5()
    {
        var (data, body) = await StreamingUploads.ReadAsync(SignedPut(s_content));

        Assert.Equal(s_content, data);
        Assert.True(body.IsCompleted);
        Assert.Equal(Digests.Md5(s_content), body.ContentMd5);
        Assert.Equal(s_content.Length, body.DeclaredLength);
        Assert.Equal(s_content.Length, body.BytesRead);
        Assert.Null(body.Checksum);
    }

    [Fact]
    public async Task SignedHash_OtherBody_IsXAmzContentSHA256Mismatch()
    {
        var request = SignedPut(s_content, TestSigner.Sha256Hex(Encoding.UTF8.GetBytes("something else entirely, same length?")));

        Assert.Same(S3ErrorCode.XAmzContentSHA256Mismatch, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task ContentMd5_MatchingIsAccepted_MismatchIsBadDigest()
    {
        var md5 = Convert.ToBase64String(Digests.Md5(s_content));
        var (data, _) = await StreamingUploads.ReadAsync(SignedPut(s_content, null, ("content-md5", md5)));
        Assert.Equal(s_content, data);

        var wrong = Convert.ToBase64String(Digests.Md5("other"u8));
        var error = await ReadFailsAsync(SignedPut(s_content, null, ("content-md5", wrong)));
        Assert.Same(S3ErrorCode.BadDigest, error.Error);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void ContentMd5_Malformed_IsInvalidDigestWhenOpened(string value)
    {
        var request = AnonymousPut(s_content, ("Content-MD5", value));
        var principal = Verifiers.AtExampleTime().Verify(request);

        Assert.Same(S3ErrorCode.InvalidDigest, Assert.Throws<S3Exception>(() => S3RequestBody.OpenBody(request, principal)).Error);
    }

    [Theory]
    [InlineData(S3ChecksumAlgorithm.Crc32)]
    [InlineData(S3ChecksumAlgorithm.Crc32C)]
    [InlineData(S3ChecksumAlgorithm.Crc64Nvme)]
    [InlineData(S3ChecksumAlgorithm.Sha1)]
    [InlineData(S3ChecksumAlgorithm.Sha256)]
    public async Task ChecksumHeader_MatchingIsVerified_MismatchIsBadDigest(S3ChecksumAlgorithm algorithm)
    {
        var checksum = S3Checksum.Compute(algorithm, s_content);
        var (_, body) = await StreamingUploads.ReadAsync(AnonymousPut(s_content, (checksum.HeaderName, checksum.Base64Value)));
        Assert.Equal(checksum, body.Checksum);

        var other = S3Checksum.Compute(algorithm, "other"u8);
        var error = await ReadFailsAsync(AnonymousPut(s_content, (checksum.HeaderName, other.Base64Value)));
        Assert.Same(S3ErrorCode.BadDigest, error.Error);
        Assert.Contains(S3Checksum.GetName(algorithm).ToUpperInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChecksumHeaders_TwoAtOnceOrMalformed_AreInvalidRequest()
    {
        var crc = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32, s_content);
        var sha = S3Checksum.Compute(S3ChecksumAlgorithm.Sha256, s_content);
        foreach (var request in new[]
        {
            AnonymousPut(s_content, (crc.HeaderName, crc.Base64Value), (sha.HeaderName, sha.Base64Value)),
            AnonymousPut(s_content, (crc.HeaderName, sha.Base64Value)),
        })
        {
            var principal = Verifiers.AtExampleTime().Verify(request);
            Assert.Same(S3ErrorCode.InvalidRequest, Assert.Throws<S3Exception>(() => S3RequestBody.OpenBody(request, principal)).Error);
        }
    }

    [Fact]
    public async Task BodyShorterThanContentLength_IsIncompleteBody()
    {
        var request = AnonymousPut(s_content);
        request.ContentLength = s_content.Length + 1;

        Assert.Same(S3ErrorCode.IncompleteBody, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task Chunked_SignedChunks_DecodeThroughBothReadPaths()
    {
        var payload = TestContent.Seeded(200_000, 1);

        var (asyncData, asyncBody) = await StreamingUploads.ReadAsync(StreamingUploads.Create(payload, [65536, 100_000]), readSize: 777);
        var (syncData, syncBody) = StreamingUploads.Read(StreamingUploads.Create(payload, [65536, 100_000]), readSize: 4096);

        Assert.Equal(payload, asyncData);
        Assert.Equal(payload, syncData);
        Assert.Equal(Digests.Md5(payload), asyncBody.ContentMd5);
        Assert.Equal(Digests.Md5(payload), syncBody.ContentMd5);
    }

    [Fact]
    public async Task Chunked_AChunkOfSeveralMebibytes_PassesThroughInSmallReads()
    {
        var payload = TestContent.Seeded(5 * 1024 * 1024 + 3, 2);
        var request = StreamingUploads.Create(payload, [payload.Length], sourceReadSizes: [1000, 70_000, 1]);

        var (data, body) = await StreamingUploads.ReadAsync(request, readSize: 10_000);

        Assert.Equal(payload, data);
        Assert.Equal(payload.Length, body.DeclaredLength);
    }

    [Fact]
    public async Task Chunked_TamperedChunkData_IsSignatureDoesNotMatch()
    {
        var payload = TestContent.Seeded(70_000, 3);
        var request = StreamingUploads.Create(payload, [65536], tamper: body =>
        {
            body[200] ^= 0x01;
            return body;
        });

        var error = await ReadFailsAsync(request);

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, error.Error);
        Assert.Contains("chunk 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunked_SwappedChunks_AreSignatureDoesNotMatch()
    {
        var payload = TestContent.Seeded(20, 4);
        var request = StreamingUploads.Create(payload, [10, 10], tamper: body =>
        {
            // Two chunks of equal size, header and data swapped whole: each is intact but out of its place.
            var text = Encoding.Latin1.GetString(body);
            var first = text.IndexOf("a;chunk-signature=", StringComparison.Ordinal);
            var second = text.IndexOf("a;chunk-signature=", first + 1, StringComparison.Ordinal);
            var length = second - first;
            return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, first), text.AsSpan(second, length), text.AsSpan(first, length), text.AsSpan(second + length)));
        });

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task Chunked_MissingChunkSignature_IsSignatureDoesNotMatch()
    {
        var payload = TestContent.Seeded(10, 5);
        var request = StreamingUploads.Create(payload, [10], tamper: body =>
        {
            var text = Encoding.Latin1.GetString(body);
            var start = text.IndexOf(";chunk-signature=", StringComparison.Ordinal);
            return Encoding.Latin1.GetBytes(text.Remove(start, ";chunk-signature=".Length + 64));
        });

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task Chunked_WithoutCredentials_DecodesWithoutCheckingChunkSignatures()
    {
        var payload = TestContent.Seeded(1000, 6);
        var request = StreamingUploads.Create(payload, [300], tamper: body =>
        {
            var text = Encoding.Latin1.GetString(body);
            var start = text.IndexOf("chunk-signature=", StringComparison.Ordinal) + "chunk-signature=".Length;
            return Encoding.Latin1.GetBytes(text.Remove(start, 64).Insert(start, new string('0', 64)));
        });

        var (data, _) = await StreamingUploads.ReadAsync(request, verifier: Verifiers.WithoutCredentials());

        Assert.Equal(payload, data);
    }

    [Fact]
    public async Task Chunked_DecodedLengthOtherThanDeclared_IsIncompleteBody()
    {
        var payload = TestContent.Seeded(100, 7);
        var longer = StreamingUploads.Create(payload, [50]);
        longer.Headers["x-amz-decoded-content-length"] = "99";
        var shorter = StreamingUploads.Create(payload, [50]);
        shorter.Headers["x-amz-decoded-content-length"] = "101";

        // The header is signed, so the verifier without credentials reads these.
        foreach (var request in new[] { longer, shorter })
        {
            var error = await Assert.ThrowsAsync<S3Exception>(() => StreamingUploads.ReadAsync(request, verifier: Verifiers.WithoutCredentials()));
            Assert.Same(S3ErrorCode.IncompleteBody, error.Error);
        }
    }

    [Fact]
    public async Task Chunked_WithoutDecodedLength_IsStillRead()
    {
        var payload = TestContent.Seeded(100, 8);

        var (data, body) = await StreamingUploads.ReadAsync(StreamingUploads.Create(payload, [40], declareDecodedLength: false));

        Assert.Equal(payload, data);
        Assert.Null(body.DeclaredLength);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(1100)]
    public async Task Chunked_CutShort_IsIncompleteBody(int keep)
    {
        var payload = TestContent.Seeded(1000, 9);
        var request = StreamingUploads.Create(payload, [500], tamper: body => body[..keep]);

        Assert.Same(S3ErrorCode.IncompleteBody, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task Chunked_BytesAfterTheEnd_AreInvalidRequest()
    {
        var request = StreamingUploads.Create(TestContent.Seeded(10, 10), [10], tamper: body => [.. body, .. "junk"u8]);

        Assert.Same(S3ErrorCode.InvalidRequest, (await ReadFailsAsync(request)).Error);
    }

    [Theory]
    [InlineData("zz;chunk-signature=")]
    [InlineData("a\n")]
    public async Task Chunked_MalformedFraming_IsInvalidRequest(string header)
    {
        var request = StreamingUploads.Create(TestContent.Seeded(10, 11), [10], tamper: body =>
        {
            var text = Encoding.Latin1.GetString(body);
            return Encoding.Latin1.GetBytes(header + text[(header.EndsWith('\n') ? text.IndexOf('\n', StringComparison.Ordinal) + 1 : header.Length)..]);
        });

        Assert.Same(S3ErrorCode.InvalidRequest, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task SignedTrailer_ChecksumIsVerifiedAndReported()
    {
        var payload = TestContent.Seeded(3000, 12);
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc64Nvme, payload);
        var request = StreamingUploads.Create(payload, [1024], StreamingUploads.SignedTrailer, [(checksum.HeaderName, checksum.Base64Value)]);

        var (data, body) = await StreamingUploads.ReadAsync(request);

        Assert.Equal(payload, data);
        Assert.Equal(checksum, body.Checksum);
    }

    [Fact]
    public async Task SignedTrailer_TamperedChecksum_IsSignatureDoesNotMatch()
    {
        var payload = TestContent.Seeded(3000, 13);
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32C, payload);
        var other = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32C, "x"u8);
        var request = StreamingUploads.Create(payload, [1024], StreamingUploads.SignedTrailer, [(checksum.HeaderName, checksum.Base64Value)],
            tamper: body => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(body).Replace(checksum.Base64Value, other.Base64Value, StringComparison.Ordinal)));

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task SignedTrailer_WrongChecksumSignedByTheClient_IsBadDigest()
    {
        var payload = TestContent.Seeded(3000, 14);
        var wrong = S3Checksum.Compute(S3ChecksumAlgorithm.Sha256, "x"u8);
        var request = StreamingUploads.Create(payload, [1024], StreamingUploads.SignedTrailer, [(wrong.HeaderName, wrong.Base64Value)]);

        Assert.Same(S3ErrorCode.BadDigest, (await ReadFailsAsync(request)).Error);
    }

    [Fact]
    public async Task UnsignedTrailer_ChecksumIsVerified_TamperedDataIsBadDigest()
    {
        var payload = TestContent.Seeded(3000, 15);
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32, payload);
        (string, string)[] trailers = [(checksum.HeaderName, checksum.Base64Value)];

        var (data, body) = await StreamingUploads.ReadAsync(StreamingUploads.Create(payload, [1000], StreamingUploads.UnsignedTrailer, trailers));
        Assert.Equal(payload, data);
        Assert.Equal(checksum, body.Checksum);

        var tampered = StreamingUploads.Create(payload, [1000], StreamingUploads.UnsignedTrailer, trailers, tamper: encoded =>
        {
            encoded[10] ^= 0x20;
            return encoded;
        });
        Assert.Same(S3ErrorCode.BadDigest, (await ReadFailsAsync(tampered)).Error);
    }

    [Fact]
    public async Task UnsignedTrailer_UndeclaredChecksumTrailer_IsInvalidRequest()
    {
        var payload = TestContent.Seeded(100, 16);
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32, payload);
        var request = StreamingUploads.Create(payload, [100], StreamingUploads.UnsignedTrailer, [(checksum.HeaderName, checksum.Base64Value)]);
        request.Headers["x-amz-trailer"] = "x-amz-meta-other";

        // x-amz-trailer is signed, so the verifier without credentials reads this.
        var error = await Assert.ThrowsAsync<S3Exception>(() => StreamingUploads.ReadAsync(request, verifier: Verifiers.WithoutCredentials()));
        Assert.Same(S3ErrorCode.InvalidRequest, error.Error);
    }

    [Fact]
    public async Task UnsignedTrailer_DeclaredButMissingChecksum_IsInvalidRequest()
    {
        var payload = TestContent.Seeded(100, 17);
        var request = StreamingUploads.Create(payload, [100], StreamingUploads.UnsignedTrailer, [("x-amz-meta-other", "1")]);
        request.Headers["x-amz-trailer"] = "x-amz-checksum-crc32";

        var error = await Assert.ThrowsAsync<S3Exception>(() => StreamingUploads.ReadAsync(request, verifier: Verifiers.WithoutCredentials()));
        Assert.Same(S3ErrorCode.InvalidRequest, error.Error);
    }

    [Fact]
    public async Task UnsignedTrailer_BlankLineBeforeTrailers_IsTolerated()
    {
        var payload = TestContent.Seeded(100, 18);
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32, payload);
        var request = StreamingUploads.Create(payload, [100], StreamingUploads.UnsignedTrailer, [(checksum.HeaderName, checksum.Base64Value)],
            tamper: body => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(body).Replace("0\r\nx-amz", "0\r\n\r\nx-amz", StringComparison.Ordinal)));

        Assert.Equal(checksum, (await StreamingUploads.ReadAsync(request)).Body.Checksum);
    }

    [Fact]
    public async Task AFailedBody_KeepsFailingWithTheSameError()
    {
        var request = SignedPut(s_content, TestSigner.Sha256Hex([]));
        var principal = Verifiers.AtExampleTime().Verify(request);
        await using var body = S3RequestBody.OpenBody(request, principal);
        var buffer = new byte[1024];

        var first = await Assert.ThrowsAsync<S3Exception>(async () =>
        {
            while (await body.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0)
            {
            }
        });
        var second = await Assert.ThrowsAsync<S3Exception>(async () => _ = await body.ReadAsync(buffer, TestContext.Current.CancellationToken));

        Assert.Same(first, second);
        Assert.Null(body.ContentMd5);
    }

    [Fact]
    public void BodyStream_IsReadOnlyAndForwardOnly()
    {
        var request = AnonymousPut(s_content);
        using var body = S3RequestBody.OpenBody(request, Verifiers.AtExampleTime().Verify(request));

        Assert.True(body.CanRead);
        Assert.False(body.CanSeek);
        Assert.False(body.CanWrite);
        Assert.Throws<NotSupportedException>(() => body.Length);
        Assert.Throws<NotSupportedException>(() => body.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => body.Write([1], 0, 1));
    }

    [Theory]
    [InlineData("aws-chunked", null)]
    [InlineData("aws-chunked,gzip", "gzip")]
    [InlineData("gzip, AWS-CHUNKED", "gzip")]
    [InlineData(null, null)]
    public void StoredContentEncoding_DropsAwsChunked(string? header, string? stored)
    {
        Assert.Equal(stored, S3RequestBody.StoredContentEncoding(header));
    }
}
