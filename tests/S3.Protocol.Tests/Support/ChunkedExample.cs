using Microsoft.AspNetCore.Http;

namespace S3.Protocol.Tests.Support;

/// <summary>AWS's chunked upload example: PUT /examplebucket/chunkObject.txt, 66560 bytes of 'a' in 64 KiB chunks.</summary>
internal static class ChunkedExample
{
    public const string Host = "s3.amazonaws.com";
    public const string SeedSignature = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";

    public static readonly string[] ChunkSignatures =
    [
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
    ];

    public static readonly (string Name, string Value)[] SignedHeaders =
    [
        ("content-encoding", "aws-chunked"),
        ("content-length", "66824"),
        ("host", Host),
        ("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
        ("x-amz-date", "20130524T000000Z"),
        ("x-amz-decoded-content-length", "66560"),
        ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
    ];

    public static HttpRequest Request(byte[] body, string seedSignature = SeedSignature)
    {
        var request = TestRequests.Create("PUT", "/examplebucket/chunkObject.txt", Host,
        [
            new("Authorization", $"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature={seedSignature}"),
            new("Content-Encoding", "aws-chunked"),
            new("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
            new("x-amz-date", "20130524T000000Z"),
            new("x-amz-decoded-content-length", "66560"),
            new("x-amz-storage-class", "REDUCED_REDUNDANCY"),
        ], body);
        request.ContentLength = 66824;
        return request;
    }
}
