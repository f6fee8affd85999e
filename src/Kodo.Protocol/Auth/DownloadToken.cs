using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kodo.Protocol.Auth;

/// <summary>
/// The e= deadline and token=AK:sign of a private download URL, as a server reads them from the query, and their
/// check against the URL the client must have signed.
/// </summary>
public sealed class DownloadToken
{
    /// <summary>The query parameter holding the deadline in unix seconds.</summary>
    public const string DeadlineParameter = "e";

    /// <summary>The query parameter holding "AK:sign".</summary>
    public const string TokenParameter = "token";

    private static readonly string[] s_schemes = ["http", "https"];

    private DownloadToken(SignatureToken token, long deadline, string signedQuery)
    {
        Token = token;
        Deadline = deadline;
        SignedQuery = signedQuery;
    }

    public SignatureToken Token { get; }

    /// <summary>The deadline in unix seconds.</summary>
    public long Deadline { get; }

    /// <summary>The raw query the signature covers: everything before "&amp;token=", e= included.</summary>
    public string SignedQuery { get; }

    /// <summary>True when <paramref name="rawQuery"/> has a token parameter at all, so "not specified" can be told apart from "auth failed".</summary>
    public static bool IsPresent(string? rawQuery) => FindParameter(rawQuery.AsSpan().TrimStart('?'), TokenParameter) >= 0;

    /// <summary>
    /// Reads the token from a raw query (with or without its leading '?'). Fails when "&amp;token=" is missing,
    /// its value is not "AK:sign", or the part before it has no numeric e= parameter.
    /// </summary>
    public static bool TryParse(string? rawQuery, [NotNullWhen(true)] out DownloadToken? token)
    {
        token = null;
        var query = rawQuery.AsSpan().TrimStart('?');
        var marker = "&" + TokenParameter + "=";
        var tokenStart = query.LastIndexOf(marker, StringComparison.Ordinal);
        if (tokenStart <= 0)
        {
            return false;
        }

        var value = query[(tokenStart + marker.Length)..];
        var end = value.IndexOf('&');
        if (end >= 0)
        {
            value = value[..end];
        }

        var signedQuery = query[..tokenStart];
        if (!SignatureToken.TryParse(Uri.UnescapeDataString(value.ToString()), out var signature)
            || !TryReadDeadline(signedQuery, out var deadline))
        {
            return false;
        }

        token = new DownloadToken(signature, deadline, signedQuery.ToString());
        return true;
    }

    /// <summary>
    /// Checks the token of a request for <paramref name="host"/> and <paramref name="rawPath"/>. The signed URL is
    /// rebuilt as scheme "://" host path "?" <see cref="SignedQuery"/>, trying http and https (Alluxio signs http
    /// whatever the transport), the raw and the percent-decoded path (Alluxio signs the key unencoded), and an
    /// empty path for "/". Then the deadline is checked against <paramref name="now"/>.
    /// </summary>
    public TokenValidationResult Validate(KodoCredentials credentials, string host, string rawPath, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(rawPath);
        if (!credentials.HasAccessKey(Token.AccessKey))
        {
            return TokenValidationResult.WrongAccessKey;
        }

        if (!Matches(credentials, host, rawPath))
        {
            return TokenValidationResult.BadSignature;
        }

        return Deadline < now.ToUnixTimeSeconds() ? TokenValidationResult.Expired : TokenValidationResult.Valid;
    }

    private bool Matches(KodoCredentials credentials, string host, string rawPath)
    {
        using var sink = new HmacSigningSink(credentials);
        foreach (var scheme in s_schemes)
        {
            foreach (var path in Paths(rawPath))
            {
                sink.Append(scheme);
                sink.Append("://");
                sink.Append(host);
                sink.Append(path);
                sink.AppendAscii('?');
                sink.Append(SignedQuery);
                if (sink.FinishAndMatch(Token.Signature))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Paths(string rawPath)
    {
        foreach (var path in SigningCandidates.Paths(rawPath))
        {
            yield return path;
        }

        // A URL signed without a path ("http://host?x") arrives with the path "/".
        if (rawPath == "/")
        {
            yield return "";
        }
    }

    private static bool TryReadDeadline(ReadOnlySpan<char> signedQuery, out long deadline)
    {
        deadline = 0;
        var start = FindParameter(signedQuery, DeadlineParameter);
        if (start < 0)
        {
            return false;
        }

        var value = signedQuery[(start + DeadlineParameter.Length + 1)..];
        var end = value.IndexOf('&');
        if (end >= 0)
        {
            value = value[..end];
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out deadline);
    }

    // The index of the last "name=" that starts a parameter of the query, or -1.
    private static int FindParameter(ReadOnlySpan<char> query, string name)
    {
        for (var end = query.Length; end > 0;)
        {
            var start = query[..end].LastIndexOf('&') + 1;
            var parameter = query[start..end];
            if (parameter.Length > name.Length
                && parameter.StartsWith(name, StringComparison.Ordinal)
                && parameter[name.Length] == '=')
            {
                return start;
            }

            end = start - 1;
        }

        return -1;
    }
}
