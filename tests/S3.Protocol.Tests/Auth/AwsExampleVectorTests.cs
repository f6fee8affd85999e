using System.Text;
using S3.Protocol.Auth;
using S3.Protocol.Body;
using S3.Protocol.Tests.Support;

namespace S3.Protocol.Tests.Auth;

/// <summary>
/// The worked examples of AWS's "Signature Version 4 examples" for S3 (access key AKIAIOSFODNN7EXAMPLE,
/// 20130524T000000Z, us-east-1): the verifier must accept exactly the signatures published there.
/// </summary>
public sealed class AwsExampleVectorTests
{
    private const string VirtualHost = "examplebucket.s3.amazonaws.com";

    [Fact]
    public void GetObject_WithRange_AcceptsThePublishedSignature()
    {
        var request = TestRequests.Create("GET", "/test.txt", VirtualHost,
        [
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
            new("Range", "bytes=0-9"),
            new("x-amz-content-sha256", TestSigner.EmptySha256),
            new("x-amz-date", "20130524T000000Z"),
        ]);

        var principal = Verifiers.AtExampleTime().Verify(request);

        Assert.Equal(TestSigner.ExampleAccessKey, principal.AccessKey);
        Assert.Equal(S3AuthMethod.AuthorizationHeader, principal.Method);
        Assert.Equal(PayloadMode.SignedHash, principal.Payload);
        Assert.Equal(TestSigner.EmptySha256, principal.PayloadSha256);
        Assert.Equal("us-east-1", principal.Region);
        Assert.True(principal.IsSignatureVerified);
    }

    [Fact]
    public void GetObject_TestSignerReproducesThePublishedSignature()
    {
        var signature = TestSigner.Example.Sign(
            "GET",
            "/test.txt",
            string.Empty,
            [("host", VirtualHost), ("range", "bytes=0-9"), ("x-amz-content-sha256", TestSigner.EmptySha256), ("x-amz-date", "20130524T000000Z")],
            TestSigner.EmptySha256,
            TestSigner.ExampleTime);

        Assert.Equal("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", signature);
    }

    [Fact]
    public void PresignedGet_AcceptsThePublishedSignature()
    {
        const string target = "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        var request = TestRequests.Create("GET", target, VirtualHost);

        var principal = Verifiers.AtExampleTime(offset: TimeSpan.FromHours(23)).Verify(request);

        Assert.Equal(TestSigner.ExampleAccessKey, principal.AccessKey);
        Assert.Equal(S3AuthMethod.PresignedUrl, principal.Method);
        Assert.Equal(PayloadMode.Unsigned, principal.Payload);
        Assert.True(principal.IsSignatureVerified);
    }

    [Fact]
    public void PresignedGet_TestSignerReproducesThePublishedUrl()
    {
        var target = TestSigner.Example.Presign("GET", "/test.txt", VirtualHost, TestSigner.ExampleTime, 86400);

        Assert.EndsWith("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedPut_AcceptsThePublishedSeedAndChunkSignatures()
    {
        var payload = Encoding.ASCII.GetBytes(new string('a', 66560));
        var encoder = new AwsChunkedEncoder(TestSigner.Example, TestSigner.ExampleTime, ChunkedExample.SeedSignature);
        var body = encoder.Encode(payload, [65536, 1024]);
        Assert.Equal(ChunkedExample.ChunkSignatures, encoder.Signatures);
        Assert.Equal(66824, body.Length);

        var request = ChunkedExample.Request(body);
        var principal = Verifiers.AtExampleTime().Verify(request);
        Assert.Equal(PayloadMode.StreamingSigned, principal.Payload);

        await using var stream = S3RequestBody.OpenBody(request, principal);
        using var decoded = new MemoryStream();
        await stream.CopyToAsync(decoded, TestContext.Current.CancellationToken);

        Assert.Equal(payload, decoded.ToArray());
        Assert.Equal(66560, stream.DeclaredLength);
        Assert.Equal(Digests.Md5(payload), stream.ContentMd5);
    }

    [Fact]
    public void ChunkedPut_TestSignerReproducesThePublishedSeedSignature()
    {
        var signature = TestSigner.Example.Sign(
            "PUT",
            "/examplebucket/chunkObject.txt",
            string.Empty,
            ChunkedExample.SignedHeaders,
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            TestSigner.ExampleTime);

        Assert.Equal(ChunkedExample.SeedSignature, signature);
    }
}
