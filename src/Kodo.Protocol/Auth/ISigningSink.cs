namespace Kodo.Protocol.Auth;

/// <summary>
/// Where a signer writes the string to sign: an HMAC when signing or verifying, a buffer when a caller wants to
/// see the exact bytes (a mismatch is far easier to debug with them).
/// </summary>
internal interface ISigningSink
{
    public void Append(ReadOnlySpan<byte> bytes);
}
