using System.Security.Cryptography;

namespace S3.Protocol.Tests.Support;

internal static class Digests
{
    /// <summary>The MD5 S3 uses for Content-MD5 and ETags (not for security).</summary>
    public static byte[] Md5(ReadOnlySpan<byte> data)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(data);
        return md5.GetHashAndReset();
    }
}
