using System.Diagnostics.CodeAnalysis;

namespace S3.Protocol.Auth;

/// <summary>Looks up the secret key of an access key, so that signatures can be checked.</summary>
public interface IS3Credentials
{
    /// <summary>False when the access key is unknown.</summary>
    public bool TryGetSecret(string accessKey, [NotNullWhen(true)] out string? secretKey);
}
