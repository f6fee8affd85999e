using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace S3.Protocol.Auth;

/// <summary>The hashing and keyed-hashing steps of Signature Version 4, shared by request and chunk signatures.</summary>
internal static class SigV4Crypto
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string ScopeTerminator = "aws4_request";

    /// <summary>The hex SHA-256 of no bytes, which chunk signatures include in place of chunk headers.</summary>
    public const string EmptySha256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] DeriveSigningKey(string secretKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(ScopeTerminator));
    }

    /// <summary>The lower-case hex HMAC-SHA256 of a string to sign.</summary>
    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Compares hex signatures in constant time, ignoring case, so timing tells nothing of the expected one.</summary>
    public static bool SignaturesEqual(string expectedHex, string providedHex)
    {
        if (expectedHex.Length != providedHex.Length)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(expectedHex.ToLowerInvariant());
        var provided = Encoding.ASCII.GetBytes(providedHex.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>True for 64 hex digits, the form of a signature and of a SHA-256.</summary>
    public static bool IsSha256Hex(ReadOnlySpan<char> text) =>
        text.Length == SHA256.HashSizeInBytes * 2 && !text.ContainsAnyExcept(s_hexDigits);
}
