using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace S3.Protocol.Auth;

/// <summary>Builds Signature V4's canonical request and string to sign, as S3 does (no path normalization).</summary>
internal static class SigV4Canonicalizer
{
    /// <summary>The raw path decoded and UriEncoded again, '/' kept; '+' in a path is itself, not a space.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var builder = new StringBuilder(rawPath.Length + 16);
        S3UriEncoding.AppendEncoded(builder, S3UriEncoding.PercentDecode(rawPath, plusIsSpace: false), encodeSlash: false);
        return builder.ToString();
    }

    /// <summary>
    /// Every parameter but the excluded one, name and value UriEncoded, sorted by encoded name and then value,
    /// joined by '&amp;'; a parameter without a value is written "name=".
    /// </summary>
    public static string CanonicalQuery(IReadOnlyList<QueryParameter> query, string? excludedName)
    {
        var encoded = new List<(string Name, string Value)>(query.Count);
        var builder = new StringBuilder();
        foreach (var parameter in query)
        {
            if (excludedName is not null && string.Equals(parameter.Name, excludedName, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Clear();
            S3UriEncoding.AppendEncoded(builder, parameter.NameBytes, encodeSlash: true);
            var name = builder.ToString();
            builder.Clear();
            S3UriEncoding.AppendEncoded(builder, parameter.ValueBytes, encodeSlash: true);
            encoded.Add((name, builder.ToString()));
        }

        encoded.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', encoded.Select(pair => $"{pair.Name}={pair.Value}"));
    }

    /// <summary>Each signed header as "name:value\n", the value trimmed with inner runs of whitespace collapsed.</summary>
    public static string CanonicalHeaders(IHeaderDictionary headers, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':');
            AppendCanonicalValues(builder, headers[name]);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    public static string CanonicalRequest(
        string method,
        string canonicalUri,
        string canonicalQuery,
        string canonicalHeaders,
        string signedHeaders,
        string payloadHash) =>
        $"{method}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";

    public static string StringToSign(string timestamp, string scope, string canonicalRequest) =>
        $"{SigV4Crypto.Algorithm}\n{timestamp}\n{scope}\n{SigV4Crypto.Sha256Hex(canonicalRequest)}";

    private static void AppendCanonicalValues(StringBuilder builder, StringValues values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendTrimmedCollapsed(builder, values[i].AsSpan().Trim());
        }
    }

    private static void AppendTrimmedCollapsed(StringBuilder builder, ReadOnlySpan<char> value)
    {
        var inWhitespace = false;
        foreach (var c in value)
        {
            if (c is ' ' or '\t')
            {
                inWhitespace = true;
                continue;
            }

            if (inWhitespace)
            {
                builder.Append(' ');
                inWhitespace = false;
            }

            builder.Append(c);
        }
    }
}
