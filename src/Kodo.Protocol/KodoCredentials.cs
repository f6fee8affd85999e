using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Kodo.Protocol;

/// <summary>
/// An access key / secret key pair and the one signing primitive every Kodo credential form builds on:
/// sign(data) = AK ":" urlsafe_b64(HMAC-SHA1(UTF-8(SK), data)). The secret never leaves this type.
/// </summary>
[SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "The Kodo protocol defines every signature as HMAC-SHA1.")]
public sealed class KodoCredentials
{
    /// <summary>The length in bytes of an HMAC-SHA1 digest.</summary>
    public const int SignatureSize = HMACSHA1.HashSizeInBytes;

    /// <summary>The length of an encoded signature: 28 characters ending in '='.</summary>
    public const int EncodedSignatureLength = 28;

    private readonly byte[] _secretKey;

    /// <summary>Creates credentials; the access key may not contain ':' because tokens use it as a separator.</summary>
    public KodoCredentials(string accessKey, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        if (accessKey.Contains(SignatureToken.Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("An access key cannot contain ':'.", nameof(accessKey));
        }

        AccessKey = accessKey;
        _secretKey = Encoding.UTF8.GetBytes(secretKey);
    }

    public string AccessKey { get; }

    /// <summary>Returns "AK:signature" over <paramref name="data"/>.</summary>
    public string Sign(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SignatureSize];
        HMACSHA1.HashData(_secretKey, data, digest);
        return FormatToken(digest);
    }

    /// <summary>Returns "AK:signature" over the UTF-8 bytes of <paramref name="data"/>.</summary>
    public string Sign(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Sign(Encoding.UTF8.GetBytes(data));
    }

    /// <summary>
    /// Returns "AK:signature:encoded" where encoded = urlsafe_b64(<paramref name="data"/>); the HMAC covers the
    /// encoded text, not the raw bytes (upload tokens are built this way).
    /// </summary>
    public string SignWithData(ReadOnlySpan<byte> data)
    {
        var encoded = UrlSafeBase64.Encode(data);
        return Sign(Encoding.ASCII.GetBytes(encoded)) + SignatureToken.Separator + encoded;
    }

    /// <summary>
    /// True when <paramref name="signature"/> (the part after "AK:", padded or not) is the HMAC of
    /// <paramref name="data"/>. The comparison takes constant time.
    /// </summary>
    public bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[SignatureSize];
        HMACSHA1.HashData(_secretKey, data, expected);
        return Matches(expected, signature);
    }

    /// <summary>Hides the secret key.</summary>
    public override string ToString() => $"KodoCredentials {{ AccessKey = {AccessKey} }}";

    /// <summary>
    /// True when a token names this access key. The comparison is ordinal because the server's is, and every
    /// verifier makes it before the signature so that a wrong key is reported as such.
    /// </summary>
    internal bool HasAccessKey(string accessKey) => string.Equals(accessKey, AccessKey, StringComparison.Ordinal);

    /// <summary>Starts an HMAC over data that arrives in pieces, so a signer never concatenates them.</summary>
    internal IncrementalHash CreateHmac() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, _secretKey);

    internal string FormatToken(ReadOnlySpan<byte> digest)
    {
        Span<char> encoded = stackalloc char[EncodedSignatureLength];
        UrlSafeBase64.TryEncode(digest, encoded, out _);
        return string.Concat(AccessKey, ":", encoded);
    }

    internal static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<char> signature)
    {
        Span<byte> actual = stackalloc byte[SignatureSize + 3];
        return UrlSafeBase64.TryDecode(signature, actual, out var written)
            && written == SignatureSize
            && CryptographicOperations.FixedTimeEquals(expected, actual[..SignatureSize]);
    }
}
