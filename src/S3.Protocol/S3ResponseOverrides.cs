using Microsoft.AspNetCore.Http;

namespace S3.Protocol;

/// <summary>GetObject's response-* query parameters, which set the answer's headers in place of the object's own.</summary>
public static class S3ResponseOverrides
{
    /// <summary>The query parameters, as a sub-resource list may name them, and the header each sets.</summary>
    public static readonly IReadOnlyList<(string Parameter, string Header)> Parameters =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
        ("response-content-language", "Content-Language"),
        ("response-cache-control", "Cache-Control"),
        ("response-expires", "Expires"),
    ];

    /// <summary>Sets each header that <paramref name="request"/>'s query overrides on <paramref name="response"/>.</summary>
    public static void Apply(HttpRequest request, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        foreach (var (parameter, header) in Parameters)
        {
            if (request.Query.TryGetValue(parameter, out var value))
            {
                response.Headers[header] = value;
            }
        }
    }
}
