using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace S3.Protocol.Auth;

/// <summary>
/// The path and query exactly as the client sent them. Signatures are computed over what the client sent, so the
/// routing's decoded and normalised Path will not do: S3 neither collapses "//" nor resolves "..".
/// </summary>
internal sealed class RequestTarget
{
    private RequestTarget(string rawPath, string rawQuery)
    {
        RawPath = rawPath;
        RawQuery = rawQuery;
        Query = ParseQuery(rawQuery);
    }

    /// <summary>The path as sent, still percent-encoded.</summary>
    public string RawPath { get; }

    /// <summary>The query as sent, without the '?', still percent-encoded.</summary>
    public string RawQuery { get; }

    /// <summary>The query's parameters in the order sent, each name and value decoded.</summary>
    public IReadOnlyList<QueryParameter> Query { get; }

    public static RequestTarget From(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget))
        {
            // Hosts that do not keep the raw target (test servers) still have the escaped path and query.
            rawTarget = (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        }

        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        var fragmentStart = query.IndexOf('#', StringComparison.Ordinal);
        if (fragmentStart >= 0)
        {
            query = query[..fragmentStart];
        }

        return new RequestTarget(StripAuthority(path), query);
    }

    /// <summary>The decoded value of the first parameter of that name (names are case-sensitive), or null.</summary>
    public string? GetQueryValue(string name)
    {
        foreach (var parameter in Query)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return parameter.Value;
            }
        }

        return null;
    }

    public bool HasQueryParameter(string name) => GetQueryValue(name) is not null;

    // An absolute-form target (as sent to a proxy) carries the scheme and authority before the path.
    private static string StripAuthority(string path)
    {
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (path.StartsWith('/') || schemeEnd < 0)
        {
            return path.Length == 0 ? "/" : path;
        }

        var pathStart = path.IndexOf('/', schemeEnd + 3);
        return pathStart < 0 ? "/" : path[pathStart..];
    }

    private static List<QueryParameter> ParseQuery(string rawQuery)
    {
        var parameters = new List<QueryParameter>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add(new QueryParameter(
                S3UriEncoding.PercentDecode(rawName, plusIsSpace: true),
                S3UriEncoding.PercentDecode(rawValue, plusIsSpace: true)));
        }

        return parameters;
    }
}
