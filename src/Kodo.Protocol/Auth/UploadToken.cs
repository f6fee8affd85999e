using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Kodo.Protocol.Auth;

/// <summary>
/// An upload token, AK ":" urlsafe_b64(HMAC-SHA1(SK, encodedPolicy)) ":" encodedPolicy with
/// encodedPolicy = urlsafe_b64(policy JSON). A parsed token keeps the encoded policy text it arrived with, because
/// the HMAC covers that text and SDKs order the JSON keys in any way.
/// </summary>
public sealed class UploadToken
{
    private UploadToken(string token, string accessKey, string signature, string encodedPolicy, string policyJson, PutPolicy policy)
    {
        Token = token;
        AccessKey = accessKey;
        Signature = signature;
        EncodedPolicy = encodedPolicy;
        PolicyJson = policyJson;
        Policy = policy;
    }

    /// <summary>The whole token as received.</summary>
    public string Token { get; }

    public string AccessKey { get; }

    /// <summary>The encoded HMAC, the middle part.</summary>
    public string Signature { get; }

    /// <summary>The third part, exactly as received.</summary>
    public string EncodedPolicy { get; }

    /// <summary>The decoded policy JSON.</summary>
    public string PolicyJson { get; }

    public PutPolicy Policy { get; }

    /// <summary>Creates a token for <paramref name="policy"/>, serialised with <see cref="PutPolicy.ToJson"/>.</summary>
    public static string Create(KodoCredentials credentials, PutPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Create(credentials, policy.ToJson());
    }

    /// <summary>Creates a token for a policy given as JSON text, signed byte for byte as given.</summary>
    public static string Create(KodoCredentials credentials, string policyJson)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(policyJson);
        return credentials.SignWithData(Encoding.UTF8.GetBytes(policyJson));
    }

    /// <summary>
    /// Splits a token into its three parts and decodes the policy. Fails when there are not exactly three non-empty
    /// parts, or the policy is not base64 of a JSON object with a scope and a deadline.
    /// </summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out UploadToken? result)
    {
        result = null;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var parts = token.Split(SignatureToken.Separator);
        if (parts.Length != 3 || Array.Exists(parts, string.IsNullOrEmpty))
        {
            return false;
        }

        if (!UrlSafeBase64.TryDecode(parts[2], out var policyBytes)
            || !KodoJson.TryDeserialize(policyBytes, KodoJsonContext.Default.PutPolicy, out var policy)
            || string.IsNullOrEmpty(policy.Scope))
        {
            return false;
        }

        result = new UploadToken(token, parts[0], parts[1], parts[2], Encoding.UTF8.GetString(policyBytes), policy);
        return true;
    }

    /// <summary>Parses a token.</summary>
    /// <exception cref="FormatException">The token is malformed.</exception>
    public static UploadToken Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryParse(token, out var result) ? result : throw new FormatException("The value is not an upload token.");
    }

    /// <summary>True when the signature is the HMAC of <see cref="EncodedPolicy"/> under <paramref name="credentials"/>.</summary>
    public bool IsSignatureValid(KodoCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.HasAccessKey(AccessKey)
            && credentials.VerifySignature(Encoding.ASCII.GetBytes(EncodedPolicy), Signature);
    }

    /// <summary>
    /// Checks the token in the order the server does: access key, signature, then the deadline against
    /// <paramref name="now"/>.
    /// </summary>
    public TokenValidationResult Validate(KodoCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!credentials.HasAccessKey(AccessKey))
        {
            return TokenValidationResult.WrongAccessKey;
        }

        if (!IsSignatureValid(credentials))
        {
            return TokenValidationResult.BadSignature;
        }

        return Policy.IsExpired(now) ? TokenValidationResult.Expired : TokenValidationResult.Valid;
    }

    /// <summary>Validates against the current time of <paramref name="timeProvider"/>.</summary>
    public TokenValidationResult Validate(KodoCredentials credentials, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Validate(credentials, timeProvider.GetUtcNow());
    }

    /// <summary>The token as received.</summary>
    public override string ToString() => Token;
}
