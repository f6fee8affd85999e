namespace Kodo.Protocol.Auth;

/// <summary>
/// A parsed Authorization header: which credential form it carries and the credential text after the scheme.
/// A server dispatches on the scheme, then hands the credential to the matching verifier.
/// </summary>
public readonly record struct KodoAuthorization(KodoAuthorizationScheme Scheme, string Credential)
{
    /// <summary>The scheme name of an UpToken header.</summary>
    public const string UpTokenScheme = "UpToken";

    /// <summary>
    /// Parses "&lt;scheme&gt; &lt;credential&gt;". The scheme name is matched ignoring case and any run of spaces
    /// may follow it; fails for an unknown scheme or an empty credential.
    /// </summary>
    public static bool TryParse(string? headerValue, out KodoAuthorization authorization)
    {
        authorization = default;
        var value = headerValue.AsSpan().Trim();
        var space = value.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var credential = value[(space + 1)..].TrimStart(' ');
        if (credential.IsEmpty || !TryParseScheme(value[..space], out var scheme))
        {
            return false;
        }

        authorization = new KodoAuthorization(scheme, credential.ToString());
        return true;
    }

    /// <summary>The scheme name as sent on the wire: QBox, Qiniu or UpToken.</summary>
    public static string GetSchemeName(KodoAuthorizationScheme scheme) => scheme switch
    {
        KodoAuthorizationScheme.QBox => QBoxSignature.Scheme,
        KodoAuthorizationScheme.Qiniu => QiniuSignature.Scheme,
        KodoAuthorizationScheme.UpToken => UpTokenScheme,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };

    /// <summary>The header value, "&lt;scheme&gt; &lt;credential&gt;".</summary>
    public override string ToString() => GetSchemeName(Scheme) + " " + Credential;

    private static bool TryParseScheme(ReadOnlySpan<char> name, out KodoAuthorizationScheme scheme)
    {
        foreach (var candidate in (ReadOnlySpan<KodoAuthorizationScheme>)
                 [KodoAuthorizationScheme.QBox, KodoAuthorizationScheme.Qiniu, KodoAuthorizationScheme.UpToken])
        {
            if (name.Equals(GetSchemeName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                scheme = candidate;
                return true;
            }
        }

        scheme = default;
        return false;
    }
}
