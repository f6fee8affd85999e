namespace Kodo.Protocol;

/// <summary>
/// Why a credential was accepted or refused. The server answers 401 for every failure, but with different
/// messages (bad token, token out of date), and the reason helps in logs.
/// </summary>
public enum TokenValidationResult
{
    Valid,

    /// <summary>The token does not have the expected shape.</summary>
    Malformed,

    /// <summary>The token names an access key other than the credentials it was checked with.</summary>
    WrongAccessKey,

    /// <summary>The signature does not match.</summary>
    BadSignature,

    /// <summary>The signature matches but the deadline has passed.</summary>
    Expired,
}
