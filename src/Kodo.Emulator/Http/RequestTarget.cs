using Microsoft.AspNetCore.Http.Features;

namespace Kodo.Emulator.Http;

/// <summary>The request's path and query exactly as sent, which is what signatures cover.</summary>
internal readonly record struct RequestTarget(string RawPath, string? RawQuery)
{
    public static RequestTarget Of(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? new RequestTarget(raw, null) : new RequestTarget(raw[..question], raw[(question + 1)..]);
    }

    /// <summary>The path's segments after the first one, as sent (still percent-encoded).</summary>
    public string[] Segments => RawPath.TrimStart('/').Split('/');
}
