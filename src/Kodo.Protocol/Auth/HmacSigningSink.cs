using System.Security.Cryptography;

namespace Kodo.Protocol.Auth;

/// <summary>Feeds the string to sign straight into an HMAC-SHA1, so no signer concatenates path, headers and body.</summary>
internal sealed class HmacSigningSink : ISigningSink, IDisposable
{
    private readonly KodoCredentials _credentials;

    private readonly IncrementalHash _hmac;

    public HmacSigningSink(KodoCredentials credentials)
    {
        _credentials = credentials;
        _hmac = credentials.CreateHmac();
    }

    public void Append(ReadOnlySpan<byte> bytes) => _hmac.AppendData(bytes);

    /// <summary>Returns "AK:signature" over what was appended, the token every signer hands out, and resets the HMAC.</summary>
    public string FinishToken()
    {
        Span<byte> digest = stackalloc byte[KodoCredentials.SignatureSize];
        _hmac.GetHashAndReset(digest);
        return _credentials.FormatToken(digest);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the HMAC of what was appended; resets the HMAC so a verifier can
    /// try its next candidate on the same sink.
    /// </summary>
    public bool FinishAndMatch(ReadOnlySpan<char> signature)
    {
        Span<byte> digest = stackalloc byte[KodoCredentials.SignatureSize];
        _hmac.GetHashAndReset(digest);
        return KodoCredentials.Matches(digest, signature);
    }

    public void Dispose() => _hmac.Dispose();
}
