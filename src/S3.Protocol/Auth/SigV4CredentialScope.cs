namespace S3.Protocol.Auth;

/// <summary>The Credential of a signature: access-key/yyyymmdd/region/service/aws4_request.</summary>
internal sealed record SigV4CredentialScope(string AccessKey, string Date, string Region, string Service)
{
    /// <summary>The scope that the string to sign carries: date/region/service/aws4_request.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/{SigV4Crypto.ScopeTerminator}";

    /// <summary>Splits a Credential value; null when it does not have the five parts with a valid date.</summary>
    public static SigV4CredentialScope? TryParse(string credential)
    {
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts.Any(string.IsNullOrEmpty) || parts[4] != SigV4Crypto.ScopeTerminator ||
            !SigV4Time.IsScopeDate(parts[1]))
        {
            return null;
        }

        return new SigV4CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }
}
