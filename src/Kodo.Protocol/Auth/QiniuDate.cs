using System.Globalization;

namespace Kodo.Protocol.Auth;

/// <summary>
/// The X-Qiniu-Date header (yyyyMMdd'T'HHmmss'Z', UTC) that newer SDKs add and sign, and the skew check a server
/// may apply to it (Kodo refuses more than 15 minutes with 403 "request time too skewed").
/// </summary>
public static class QiniuDate
{
    public const string HeaderName = "X-Qiniu-Date";

    private const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The skew Kodo tolerates.</summary>
    public static readonly TimeSpan DefaultMaxSkew = TimeSpan.FromMinutes(15);

    /// <summary>Formats <paramref name="time"/> in UTC, e.g. 20240101T000000Z.</summary>
    public static string ToHeaderValue(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a header value; false when it is not exactly of the form yyyyMMdd'T'HHmmss'Z'.</summary>
    public static bool TryParse(string? value, out DateTimeOffset time)
    {
        time = default;
        if (!DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = new DateTimeOffset(parsed, TimeSpan.Zero);
        return true;
    }

    /// <summary>True when <paramref name="signedAt"/> lies within <paramref name="maxSkew"/> of <paramref name="now"/>, either way.</summary>
    public static bool IsWithinSkew(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan maxSkew) =>
        (signedAt - now).Duration() <= maxSkew;
}
