using Microsoft.AspNetCore.Http;

namespace S3.Protocol.Tests.Support;

/// <summary>Requests signed by <see cref="TestSigner"/> in the Authorization header.</summary>
internal static class SignedRequests
{
    public const string Host = "bucket.example.com";

    /// <summary>
    /// A request for rawTarget whose signature the signer computed over canonicalUri and canonicalQuery (which the
    /// test states independently of the library), with host, x-amz-content-sha256, x-amz-date and the extra headers
    /// signed.
    /// </summary>
    public static HttpRequest Create(
        TestSigner signer,
        string method,
        string rawTarget,
        string canonicalUri,
        string canonicalQuery = "",
        string payloadHash = TestSigner.EmptySha256,
        IEnumerable<(string Name, string Value)>? extraHeaders = null,
        byte[]? body = null,
        DateTimeOffset? time = null)
    {
        var signingTime = time ?? TestSigner.ExampleTime;
        var headers = new List<(string Name, string Value)>(extraHeaders ?? [])
        {
            ("host", Host),
            ("x-amz-content-sha256", payloadHash),
            ("x-amz-date", TestSigner.Timestamp(signingTime)),
        };
        headers.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var authorization = signer.AuthorizationHeader(method, canonicalUri, canonicalQuery, headers, payloadHash, signingTime);
        var requestHeaders = headers
            .Where(h => h.Name != "host")
            .Select(h => new KeyValuePair<string, string>(h.Name, h.Value))
            .Append(new("Authorization", authorization));
        var request = TestRequests.Create(method, rawTarget, Host, requestHeaders, body);
        if (body is not null)
        {
            request.ContentLength = body.Length;
        }

        return request;
    }
}
