namespace S3.Protocol.Auth;

/// <summary>How strictly <see cref="SigV4Verifier"/> checks a request's time and scope.</summary>
public sealed class SigV4Options
{
    /// <summary>How far a signed request's time may be from the server's, either way; S3 allows 15 minutes.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The service name the credential scope must name.</summary>
    public string Service { get; init; } = "s3";

    /// <summary>
    /// The region the credential scope must name; null accepts whichever region the client signed with, as a
    /// single-region server that clients reach with any configured region needs.
    /// </summary>
    public string? Region { get; init; }
}
