using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace S3.Protocol.Tests.Support;

/// <summary>Builds requests as Kestrel would hand them over: raw target, routed path and query, headers, body.</summary>
internal static class TestRequests
{
    public static HttpRequest Create(
        string method,
        string rawTarget,
        string host,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        byte[]? body = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        if (!rawPath.StartsWith('/'))
        {
            // An absolute-form target routes by the path after its authority.
            rawPath = rawPath[rawPath.IndexOf('/', rawPath.IndexOf("://", StringComparison.Ordinal) + 3)..];
        }

        request.Path = PathString.FromUriComponent(rawPath);
        request.QueryString = queryStart < 0 ? QueryString.Empty : new QueryString(rawTarget[queryStart..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        request.Host = new HostString(host);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Append(name, value);
        }

        if (body is not null)
        {
            request.Body = new MemoryStream(body, writable: false);
        }

        return request;
    }
}
