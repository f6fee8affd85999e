using System.Globalization;
using Microsoft.AspNetCore.Http;
using S3.Protocol.Auth;
using S3.Protocol.Body;

namespace S3.Protocol.Tests.Support;

/// <summary>aws-chunked uploads as SDKs send them, signed by <see cref="TestSigner.Example"/> at the example time.</summary>
internal static class StreamingUploads
{
    public const string Signed = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string SignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string UnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>
    /// A PUT of payload in chunks of the given sizes; trailers, when given, follow the final chunk and are declared
    /// in x-amz-trailer. tamper may alter the encoded body before it is sent.
    /// </summary>
    public static HttpRequest Create(
        byte[] payload,
        IEnumerable<int> chunkSizes,
        string contentSha256 = Signed,
        IReadOnlyList<(string Name, string Value)>? trailers = null,
        Func<byte[], byte[]>? tamper = null,
        bool declareDecodedLength = true,
        IReadOnlyList<int>? sourceReadSizes = null)
    {
        var headers = new List<(string Name, string Value)>
        {
            ("content-encoding", "aws-chunked"),
            ("host", SignedRequests.Host),
            ("x-amz-content-sha256", contentSha256),
            ("x-amz-date", TestSigner.Timestamp(TestSigner.ExampleTime)),
        };
        if (declareDecodedLength)
        {
            headers.Add(("x-amz-decoded-content-length", payload.Length.ToString(CultureInfo.InvariantCulture)));
        }

        if (trailers is not null)
        {
            headers.Add(("x-amz-trailer", string.Join(',', trailers.Select(t => t.Name))));
        }

        var authorization = TestSigner.Example.AuthorizationHeader("PUT", "/bucket/key", string.Empty, headers, contentSha256, TestSigner.ExampleTime);
        var seedSignature = authorization[^64..];
        var encoder = contentSha256 == UnsignedTrailer ? new AwsChunkedEncoder() : new AwsChunkedEncoder(TestSigner.Example, TestSigner.ExampleTime, seedSignature);
        var body = encoder.Encode(payload, chunkSizes, trailers);
        body = tamper?.Invoke(body) ?? body;

        var request = TestRequests.Create(
            "PUT",
            "/bucket/key",
            SignedRequests.Host,
            headers.Where(h => h.Name != "host").Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).Append(new("Authorization", authorization)));
        request.Body = new TrickleStream(body, sourceReadSizes ?? []);
        request.ContentLength = body.Length;
        return request;
    }

    /// <summary>Verifies the request with the example credentials and reads its decoded body in reads of readSize.</summary>
    public static async Task<(byte[] Data, S3BodyStream Body)> ReadAsync(HttpRequest request, int readSize = 8192, SigV4Verifier? verifier = null)
    {
        var principal = (verifier ?? Verifiers.AtExampleTime()).Verify(request);
        var body = S3RequestBody.OpenBody(request, principal);
        using var output = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await body.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return (output.ToArray(), body);
    }

    /// <summary>The same, through the synchronous Read.</summary>
    public static (byte[] Data, S3BodyStream Body) Read(HttpRequest request, int readSize = 8192, SigV4Verifier? verifier = null)
    {
        var principal = (verifier ?? Verifiers.AtExampleTime()).Verify(request);
        var body = S3RequestBody.OpenBody(request, principal);
        using var output = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = body.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return (output.ToArray(), body);
    }
}
