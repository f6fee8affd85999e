namespace Kodo.Protocol.Auth;

/// <summary>
/// The variants of a received request that some real SDK may have signed. Verifiers try each in turn, raw form
/// first, because the SDKs disagree on details the server cannot see.
/// </summary>
internal static class SigningCandidates
{
    /// <summary>The raw path as received, then its percent-decoded form when that differs (Go and Java v7 sign it).</summary>
    public static IEnumerable<string> Paths(string rawPath)
    {
        yield return rawPath;
        var decoded = Uri.UnescapeDataString(rawPath);
        if (!string.Equals(decoded, rawPath, StringComparison.Ordinal))
        {
            yield return decoded;
        }
    }

    /// <summary>
    /// The Host header as received, the header without its port (C# drops it) and the header with its port
    /// repeated (Node 7.15.2 appends the port to a host that already carries it).
    /// </summary>
    public static IEnumerable<string> Hosts(string host)
    {
        yield return host;
        if (TrySplitPort(host, out var name, out var port))
        {
            yield return name;
            yield return host + ":" + port;
        }
    }

    private static bool TrySplitPort(string host, out string name, out string port)
    {
        name = host;
        port = "";
        var colon = host.LastIndexOf(':');
        if (colon <= 0 || colon == host.Length - 1)
        {
            return false;
        }

        // An IPv6 literal carries colons of its own; only one after the closing bracket is a port separator.
        if (host[0] == '[' ? host[colon - 1] != ']' : host.IndexOf(':') != colon)
        {
            return false;
        }

        foreach (var c in host.AsSpan(colon + 1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        name = host[..colon];
        port = host[(colon + 1)..];
        return true;
    }
}
