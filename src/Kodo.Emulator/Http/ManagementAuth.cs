using Kodo.Protocol;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Http;

/// <summary>
/// Checks the QBox or Qiniu signature of an rs, rsf or uc request, reading the (small) body it covers. A missing,
/// malformed or wrong credential gets Kodo's 401.
/// </summary>
internal static class ManagementAuth
{
    /// <summary>Management bodies are forms of at most 1000 batch ops or small JSON documents.</summary>
    public const int MaxBodyBytes = 4 << 20;

    /// <summary>Returns the body when the request is signed by this account; otherwise answers the request and returns null.</summary>
    public static async Task<byte[]?> AuthorizeAsync(HttpContext context, EmulatorState state)
    {
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            await KodoResponse.ErrorAsync(context, 413, "request entity too large");
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.TokenNotSpecified);
            return null;
        }

        var result = TokenValidationResult.Malformed;
        if (KodoAuthorization.TryParse(header, out var authorization))
        {
            var request = Describe(context, body);
            result = authorization.Scheme switch
            {
                KodoAuthorizationScheme.QBox => QBoxSignature.Verify(state.Credentials, request, authorization.Credential),
                KodoAuthorizationScheme.Qiniu => QiniuSignature.Verify(state.Credentials, request, authorization.Credential),
                _ => TokenValidationResult.Malformed,
            };
        }

        if (result != TokenValidationResult.Valid)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.BadToken);
            return null;
        }

        return body;
    }

    private static ManagementRequest Describe(HttpContext context, byte[] body)
    {
        var target = RequestTarget.Of(context);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value ?? ""));
            }
        }

        return new ManagementRequest
        {
            Method = context.Request.Method,
            Path = target.RawPath,
            Query = target.RawQuery,
            Host = context.Request.Headers.Host.ToString(),
            ContentType = context.Request.ContentType,
            Headers = headers,
            Body = body,
        };
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
