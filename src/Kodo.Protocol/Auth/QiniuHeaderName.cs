namespace Kodo.Protocol.Auth;

/// <summary>
/// Header-name canonicalisation as Go's textproto.CanonicalMIMEHeaderKey does it, which every SDK copies for the
/// Qiniu signature: upper-case the first letter and each letter after '-', lower-case the rest; a name holding a
/// character that is not an HTTP token character is left as it is.
/// </summary>
public static class QiniuHeaderName
{
    /// <summary>The prefix of the headers the Qiniu signature covers.</summary>
    public const string SignedPrefix = "X-Qiniu-";

    /// <summary>Returns the canonical form of <paramref name="name"/>.</summary>
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var c in name)
        {
            if (!IsTokenChar(c))
            {
                return name;
            }
        }

        return string.Create(name.Length, name, static (destination, source) =>
        {
            var upper = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                destination[i] = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                upper = c == '-';
            }
        });
    }

    /// <summary>
    /// True when the canonical <paramref name="canonicalName"/> is signed: it starts with "X-Qiniu-" and is longer
    /// than that prefix.
    /// </summary>
    public static bool IsSigned(string canonicalName)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
        return canonicalName.Length > SignedPrefix.Length
            && canonicalName.StartsWith(SignedPrefix, StringComparison.Ordinal);
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.'
            or '^' or '_' or '`' or '|' or '~';
}
