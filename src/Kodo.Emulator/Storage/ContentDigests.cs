using System.IO.Hashing;
using System.Security.Cryptography;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Storage;

/// <summary>
/// The digests Kodo reports for content, computed as the bytes stream through once. MD5, the slowest, is
/// optional: Kodo reports it for form uploads and v2 parts only, not for objects joined from blocks or parts.
/// </summary>
internal sealed class ContentDigests(bool withMd5) : IDisposable
{
    private readonly QetagHasher _qetag = new();
    private readonly Crc32 _crc32 = new();
#pragma warning disable CA5351 // Kodo reports MD5 of uploads; it is an integrity value here, not security.
    private readonly IncrementalHash? _md5 = withMd5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
#pragma warning restore CA5351

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _qetag.Append(data);
        _crc32.Append(data);
        _md5?.AppendData(data);
        Length += data.Length;
    }

    public string Qetag() => _qetag.GetEtagAndReset();

    public uint Crc32() => _crc32.GetCurrentHashAsUInt32();

    /// <summary>The hex MD5, when it is computed.</summary>
    public string? Md5Hex() => _md5 is null ? null : Convert.ToHexStringLower(_md5.GetHashAndReset());

    public void Dispose()
    {
        _qetag.Dispose();
        _md5?.Dispose();
    }
}
