using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3.Protocol.Tests.Support;

/// <summary>
/// A client-side Signature V4 signer written apart from the library's verifier, as the AWS documentation states
/// the steps, so that the two check each other.
/// </summary>
internal sealed class TestSigner(string accessKey, string secretKey, string region = "us-east-1", string service = "s3")
{
    public const string ExampleAccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string ExampleSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static readonly DateTimeOffset ExampleTime = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    public static TestSigner Example { get; } = new(ExampleAccessKey, ExampleSecretKey);

    public string AccessKey => accessKey;

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public string Scope(DateTimeOffset time) => $"{time.UtcDateTime:yyyyMMdd}/{region}/{service}/aws4_request";

    public byte[] SigningKey(DateTimeOffset time)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    /// <summary>
    /// Signs a request given its canonical pieces: path and query already encoded, headers as lower-case name and
    /// value in sorted order.
    /// </summary>
    public string Sign(
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<(string Name, string Value)> signedHeaders,
        string payloadHash,
        DateTimeOffset time)
    {
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h.Name}:{h.Value.Trim()}\n"));
        var signedNames = string.Join(';', signedHeaders.Select(h => h.Name));
        var canonicalRequest = $"{method}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedNames}\n{payloadHash}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{Timestamp(time)}\n{Scope(time)}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";
        return Convert.ToHexStringLower(Hmac(SigningKey(time), stringToSign));
    }

    /// <summary>The Authorization header of a request signed over the given headers (host included).</summary>
    public string AuthorizationHeader(
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<(string Name, string Value)> signedHeaders,
        string payloadHash,
        DateTimeOffset time)
    {
        var signature = Sign(method, canonicalUri, canonicalQuery, signedHeaders, payloadHash, time);
        return $"AWS4-HMAC-SHA256 Credential={accessKey}/{Scope(time)}, SignedHeaders={string.Join(';', signedHeaders.Select(h => h.Name))}, Signature={signature}";
    }

    /// <summary>A presigned target for path (already encoded) with host signed, the query built and encoded here.</summary>
    public string Presign(string method, string path, string host, DateTimeOffset time, int expiresSeconds, IEnumerable<(string Name, string Value)>? extraQuery = null)
    {
        var query = new List<(string Name, string Value)>(extraQuery ?? [])
        {
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", $"{accessKey}/{Scope(time)}"),
            ("X-Amz-Date", Timestamp(time)),
            ("X-Amz-Expires", expiresSeconds.ToString(CultureInfo.InvariantCulture)),
            ("X-Amz-SignedHeaders", "host"),
        };
        var canonicalQuery = CanonicalQuery(query);
        var signature = Sign(method, path, canonicalQuery, [("host", host)], "UNSIGNED-PAYLOAD", time);
        return $"{path}?{canonicalQuery}&X-Amz-Signature={signature}";
    }

    public static string CanonicalQuery(IEnumerable<(string Name, string Value)> query) =>
        string.Join('&', query
            .Select(p => (Name: Uri.EscapeDataString(p.Name), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    public static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
