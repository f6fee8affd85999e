namespace Kodo.Protocol;

/// <summary>
/// The "AK:signature" pair carried by QBox and Qiniu Authorization headers and by download URLs. Parsing only
/// splits it; the verifier looks the access key up and checks the signature.
/// </summary>
public readonly record struct SignatureToken(string AccessKey, string Signature)
{
    /// <summary>Separates the parts of every Kodo token.</summary>
    public const char Separator = ':';

    /// <summary>Splits "AK:signature"; both parts must be non-empty and the signature may not contain ':'.</summary>
    public static bool TryParse(string? token, out SignatureToken result)
    {
        result = default;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var separator = token.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0
            || separator == token.Length - 1
            || token.IndexOf(Separator, separator + 1) >= 0)
        {
            return false;
        }

        result = new SignatureToken(token[..separator], token[(separator + 1)..]);
        return true;
    }

    /// <summary>Parses "AK:signature".</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static SignatureToken Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryParse(token, out var result)
            ? result
            : throw new FormatException("The value is not an 'AK:signature' token.");
    }

    /// <summary>
    /// The checks every "AK:signature" verifier makes before the signature, in the server's order: the token must
    /// parse (else <see cref="TokenValidationResult.Malformed"/>) and name the access key of
    /// <paramref name="credentials"/> (else <see cref="TokenValidationResult.WrongAccessKey"/>). On failure
    /// <paramref name="failure"/> is the result to return.
    /// </summary>
    internal static bool TryParseFor(
        string? token, KodoCredentials credentials, out SignatureToken result, out TokenValidationResult failure)
    {
        if (!TryParse(token, out result))
        {
            failure = TokenValidationResult.Malformed;
            return false;
        }

        failure = credentials.HasAccessKey(result.AccessKey)
            ? TokenValidationResult.Valid
            : TokenValidationResult.WrongAccessKey;
        return failure == TokenValidationResult.Valid;
    }

    public override string ToString() => AccessKey + Separator + Signature;
}
