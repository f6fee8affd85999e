namespace Kodo.Protocol.Auth;

/// <summary>
/// The QBox management signature (v1), the one Alluxio's Kodo UFS sends: HMAC over rawPath ["?" rawQuery] "\n"
/// [body, for form bodies only]. No method, host or header is covered.
/// </summary>
public static class QBoxSignature
{
    /// <summary>The Authorization scheme: "QBox AK:signature".</summary>
    public const string Scheme = "QBox";

    /// <summary>Returns "AK:signature" for <paramref name="request"/>.</summary>
    public static string Sign(KodoCredentials credentials, ManagementRequest request) =>
        ManagementSigning.Sign(credentials, request, WriteExact);

    /// <summary>Returns the Authorization header value, "QBox AK:signature".</summary>
    public static string CreateAuthorization(KodoCredentials credentials, ManagementRequest request) =>
        Scheme + " " + Sign(credentials, request);

    /// <summary>The exact bytes <see cref="Sign"/> covers, for logs and for diagnosing a mismatch.</summary>
    public static byte[] GetStringToSign(ManagementRequest request) =>
        ManagementSigning.GetStringToSign(request, WriteExact);

    /// <summary>
    /// Checks the "AK:signature" <paramref name="token"/> of a received request. Besides the exact rule it accepts
    /// what real SDKs sign: the percent-decoded path (Go) and a non-form body (C#, which signs any non-empty body).
    /// </summary>
    public static TokenValidationResult Verify(KodoCredentials credentials, ManagementRequest request, string? token)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(request);
        if (!SignatureToken.TryParseFor(token, credentials, out var parsed, out var failure))
        {
            return failure;
        }

        var body = request.Body.Span;
        var isForm = IsForm(request.ContentType);
        using var sink = new HmacSigningSink(credentials);
        foreach (var path in SigningCandidates.Paths(request.Path))
        {
            // A form body is always signed; any other body is signed only by the C# SDK.
            if (body.IsEmpty || !isForm)
            {
                Write(sink, path, request.Query, default);
                if (sink.FinishAndMatch(parsed.Signature))
                {
                    return TokenValidationResult.Valid;
                }
            }

            if (!body.IsEmpty)
            {
                Write(sink, path, request.Query, body);
                if (sink.FinishAndMatch(parsed.Signature))
                {
                    return TokenValidationResult.Valid;
                }
            }
        }

        return TokenValidationResult.BadSignature;
    }

    // The exact rule: the body is signed only when it is a non-empty form.
    private static void WriteExact(ISigningSink sink, ManagementRequest request) =>
        Write(sink, request.Path, request.Query, SignsBody(request) ? request.Body.Span : default);

    private static bool SignsBody(ManagementRequest request) => !request.Body.IsEmpty && IsForm(request.ContentType);

    private static bool IsForm(string? contentType) =>
        string.Equals(contentType, ManagementRequest.FormContentType, StringComparison.OrdinalIgnoreCase);

    private static void Write(ISigningSink sink, string path, string? query, ReadOnlySpan<byte> body)
    {
        sink.Append(path);
        if (!string.IsNullOrEmpty(query))
        {
            sink.AppendAscii('?');
            sink.Append(query);
        }

        sink.AppendAscii('\n');
        sink.Append(body);
    }
}
