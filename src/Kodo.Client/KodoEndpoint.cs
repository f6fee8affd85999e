namespace Kodo.Client;

/// <summary>
/// Turns a configured host ("host", "host:port" or "scheme://host[:port]") into a base URI. Hosts handed out by
/// uc come without a scheme, and each service has its own default, so the caller names it.
/// </summary>
internal static class KodoEndpoint
{
    private static readonly UriCreationOptions s_exact = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Parses <paramref name="value"/>, using <paramref name="defaultScheme"/> when it names none.</summary>
    /// <exception cref="ArgumentException">The value is not an http(s) host without a path or query.</exception>
    public static Uri Parse(string value, string defaultScheme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var text = value.Contains("://", StringComparison.Ordinal) ? value : defaultScheme + "://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0)
        {
            throw new ArgumentException($"'{value}' is not an endpoint: expected host[:port] or http(s)://host[:port].", nameof(value));
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority), UriKind.Absolute);
    }

    /// <summary>
    /// An absolute URI under <paramref name="baseUri"/> whose path and query are exactly
    /// <paramref name="pathAndQuery"/>, already escaped: signatures cover the text as sent.
    /// </summary>
    /// <remarks>Canonicalisation is off so that no escaped byte is unescaped and no dot segment folded after signing.</remarks>
    public static Uri Combine(Uri baseUri, string pathAndQuery) =>
        new(baseUri.GetLeftPart(UriPartial.Authority) + pathAndQuery, s_exact);
}
