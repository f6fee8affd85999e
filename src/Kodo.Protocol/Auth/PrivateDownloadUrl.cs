using System.Globalization;
using System.Text;

namespace Kodo.Protocol.Auth;

/// <summary>
/// Signs a download URL of a private bucket: appends e=&lt;deadline&gt;, then token=AK:sign where the HMAC covers
/// the whole URL up to and including the deadline, scheme and host included.
/// </summary>
public static class PrivateDownloadUrl
{
    /// <summary>Signs <paramref name="baseUrl"/> (scheme, host, path and any query) until <paramref name="deadline"/>.</summary>
    public static string Create(KodoCredentials credentials, string baseUrl, DateTimeOffset deadline) =>
        Create(credentials, baseUrl, deadline.ToUnixTimeSeconds());

    /// <summary>Signs <paramref name="baseUrl"/> until <paramref name="deadlineUnixSeconds"/>.</summary>
    public static string Create(KodoCredentials credentials, string baseUrl, long deadlineUnixSeconds)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(deadlineUnixSeconds);
        var separator = baseUrl.IndexOf('?', StringComparison.Ordinal) > 0 ? '&' : '?';
        var signed = string.Create(
            CultureInfo.InvariantCulture,
            $"{baseUrl}{separator}{DownloadToken.DeadlineParameter}={deadlineUnixSeconds}");
        return $"{signed}&{DownloadToken.TokenParameter}={credentials.Sign(Encoding.UTF8.GetBytes(signed))}";
    }
}
