using System.Text;
using S3.Protocol.Auth;
using S3.Protocol.Body;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;
using S3.Protocol.Tests.Support;

namespace S3.Protocol.Tests.Body;

/// <summary>
/// AWS's example of trailing headers on a chunked upload ("Signature calculations for trailing headers"):
/// the same 66560 bytes of 'a' in 64 KiB chunks, a CRC-32C trailer and its signature, from the example seed.
/// </summary>
public sealed class AwsTrailerExampleTests
{
    private const string SeedSignature = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
    private const string Chunk1Signature = "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2";
    private const string Chunk2Signature = "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7";
    private const string FinalSignature = "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992";
    private const string TrailerSignature = "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435";
    private const string Crc32C = "sOO8/Q==";

    private static readonly byte[] s_payload = Encoding.ASCII.GetBytes(new string('a', 66560));

    [Fact]
    public void TheExampleTrailer_IsTheCrc32COfThePayload()
    {
        Assert.Equal(Crc32C, S3Checksum.Compute(S3ChecksumAlgorithm.Crc32C, s_payload).Base64Value);
    }

    [Fact]
    public void TestEncoder_ReproducesThePublishedSignatures()
    {
        var encoder = new AwsChunkedEncoder(TestSigner.Example, TestSigner.ExampleTime, SeedSignature);

        encoder.Encode(s_payload, [65536, 1024], [("x-amz-checksum-crc32c", Crc32C)]);

        Assert.Equal([Chunk1Signature, Chunk2Signature, FinalSignature, TrailerSignature], encoder.Signatures);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("")]
    public async Task TheExampleBody_DecodesAndVerifies(string closing)
    {
        var (data, body) = await ReadAsync(ExampleBody(TrailerSignature, closing));

        Assert.Equal(s_payload, data);
        Assert.Equal(new S3Checksum(S3ChecksumAlgorithm.Crc32C, Crc32C), body.Checksum);
        Assert.Equal([new("x-amz-checksum-crc32c", Crc32C)], body.Trailers);
    }

    [Fact]
    public async Task AWrongTrailerSignature_IsSignatureDoesNotMatch()
    {
        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAsync(ExampleBody(new string('0', 64), "\r\n")));

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, error.Error);
    }

    private static byte[] ExampleBody(string trailerSignature, string closing)
    {
        using var body = new MemoryStream();
        void Ascii(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        Ascii($"10000;chunk-signature={Chunk1Signature}\r\n");
        body.Write(s_payload, 0, 65536);
        Ascii($"\r\n400;chunk-signature={Chunk2Signature}\r\n");
        body.Write(s_payload, 65536, 1024);
        Ascii($"\r\n0;chunk-signature={FinalSignature}\r\n");
        Ascii($"x-amz-checksum-crc32c:{Crc32C}\r\nx-amz-trailer-signature:{trailerSignature}{(closing.Length > 0 ? "\r\n" + closing : string.Empty)}");
        return body.ToArray();
    }

    private static async Task<(byte[] Data, S3BodyStream Body)> ReadAsync(byte[] encoded)
    {
        var request = TestRequests.Create("PUT", "/examplebucket/chunkObject.txt", "s3.amazonaws.com",
        [
            new("Content-Encoding", "aws-chunked"),
            new("x-amz-decoded-content-length", "66560"),
            new("x-amz-trailer", "x-amz-checksum-crc32c"),
        ], encoded);
        var streaming = new StreamingSignatureContext(
            TestSigner.Example.SigningKey(TestSigner.ExampleTime),
            "20130524T000000Z",
            "20130524/us-east-1/s3/aws4_request",
            SeedSignature);
        var principal = new S3Principal(TestSigner.ExampleAccessKey, S3AuthMethod.AuthorizationHeader, PayloadMode.StreamingSignedTrailer, isSignatureVerified: true, streaming: streaming);
        var body = S3RequestBody.OpenBody(request, principal);
        using var output = new MemoryStream();
        await body.CopyToAsync(output, TestContext.Current.CancellationToken);
        return (output.ToArray(), body);
    }
}
