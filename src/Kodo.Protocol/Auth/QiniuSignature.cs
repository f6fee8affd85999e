namespace Kodo.Protocol.Auth;

/// <summary>
/// The Qiniu management signature (v2) of current SDKs: HMAC over
/// METHOD " " path ["?" query] "\nHost: " host ["\nContent-Type: " type] {"\n" X-Qiniu-* header} "\n\n" [body].
/// The SDKs disagree on the Host, path, Content-Type and body details, so <see cref="Verify"/> accepts each
/// variant a real SDK produces while <see cref="Sign"/> emits one.
/// </summary>
public static class QiniuSignature
{
    /// <summary>The Authorization scheme: "Qiniu AK:signature".</summary>
    public const string Scheme = "Qiniu";

    private const string JsonContentType = "application/json";

    private const string OctetStreamContentType = "application/octet-stream";

    /// <summary>
    /// Returns "AK:signature" for <paramref name="request"/>. The Content-Type line is signed when the request has
    /// one, and the body when it is non-empty under a Content-Type other than application/octet-stream (the Java
    /// rule). Of a repeated X-Qiniu-* header the first value is signed.
    /// </summary>
    public static string Sign(KodoCredentials credentials, ManagementRequest request) =>
        ManagementSigning.Sign(credentials, request, WriteDefault);

    /// <summary>Returns the Authorization header value, "Qiniu AK:signature".</summary>
    public static string CreateAuthorization(KodoCredentials credentials, ManagementRequest request) =>
        Scheme + " " + Sign(credentials, request);

    /// <summary>The exact bytes <see cref="Sign"/> covers, for logs and for diagnosing a mismatch.</summary>
    public static byte[] GetStringToSign(ManagementRequest request) =>
        ManagementSigning.GetStringToSign(request, WriteDefault);

    /// <summary>
    /// Checks the "AK:signature" <paramref name="token"/> of a received request against every variant some SDK
    /// signs: the Host as received, without its port or with the port repeated; the raw or decoded path; the
    /// Content-Type line present or defaulted to a form; the body signed or not as each SDK's rule says; the
    /// first, last or every value of a repeated X-Qiniu-* header.
    /// </summary>
    public static TokenValidationResult Verify(KodoCredentials credentials, ManagementRequest request, string? token)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(request);
        if (!SignatureToken.TryParseFor(token, credentials, out var parsed, out var failure))
        {
            return failure;
        }

        var headerVariants = QiniuSignedHeaders.Variants(request.Headers);
        var contentVariants = ContentVariants(request.ContentType, !request.Body.IsEmpty);
        using var sink = new HmacSigningSink(credentials);
        foreach (var host in SigningCandidates.Hosts(request.Host))
        {
            foreach (var path in SigningCandidates.Paths(request.Path))
            {
                foreach (var (contentType, signsBody) in contentVariants)
                {
                    foreach (var headers in headerVariants)
                    {
                        Write(sink, request.Method, path, request.Query, host, contentType, headers,
                            signsBody ? request.Body.Span : default);
                        if (sink.FinishAndMatch(parsed.Signature))
                        {
                            return TokenValidationResult.Valid;
                        }
                    }
                }
            }
        }

        return TokenValidationResult.BadSignature;
    }

    private static void WriteDefault(ISigningSink sink, ManagementRequest request)
    {
        var contentType = string.IsNullOrEmpty(request.ContentType) ? null : request.ContentType;
        var signsBody = contentType is not null && !IsOctetStream(contentType);
        Write(sink, request.Method, request.Path, request.Query, request.Host, contentType,
            QiniuSignedHeaders.FirstValues(request.Headers), signsBody ? request.Body.Span : default);
    }

    // The (Content-Type line, body signed) pairs that some SDK produces for this request.
    private static List<(string? ContentType, bool SignsBody)> ContentVariants(string? contentType, bool hasBody)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            // Java, C# and Python sign neither; Go and Node sign a form Content-Type and the body.
            return [(null, false), (ManagementRequest.FormContentType, hasBody)];
        }

        if (!hasBody)
        {
            return [(contentType, false)];
        }

        var variants = new List<(string?, bool)>(2);
        if (!IsOctetStream(contentType))
        {
            // Java, C#, Python and Node sign any body that is not octet-stream.
            variants.Add((contentType, true));
        }

        if (!string.Equals(contentType, ManagementRequest.FormContentType, StringComparison.Ordinal)
            && !string.Equals(contentType, JsonContentType, StringComparison.Ordinal))
        {
            // Go signs the body only under exactly a form or JSON Content-Type.
            variants.Add((contentType, false));
        }

        return variants;
    }

    private static bool IsOctetStream(string contentType) =>
        string.Equals(contentType, OctetStreamContentType, StringComparison.OrdinalIgnoreCase);

    private static void Write(
        ISigningSink sink,
        string method,
        string path,
        string? query,
        string host,
        string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body)
    {
        sink.Append(method);
        sink.AppendAscii(' ');
        sink.Append(path);
        if (!string.IsNullOrEmpty(query))
        {
            sink.AppendAscii('?');
            sink.Append(query);
        }

        sink.Append("\nHost: ");
        sink.Append(host);
        if (contentType is not null)
        {
            sink.Append("\nContent-Type: ");
            sink.Append(contentType);
        }

        foreach (var (name, value) in signedHeaders)
        {
            sink.AppendAscii('\n');
            sink.Append(name);
            sink.Append(": ");
            sink.Append(value);
        }

        sink.Append("\n\n");
        sink.Append(body);
    }
}
