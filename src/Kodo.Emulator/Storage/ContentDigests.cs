using System.IO.Hashing;
using System.Security.Cryptography;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Storage;

/// <summary>The digests Kodo reports for content, computed as the bytes stream through once.</summary>
internal sealed class ContentDigests : IDisposable
{
    private readonly QetagHasher _qetag = new();
    private readonly Crc32 _crc32 = new();
#pragma warning disable CA5351 // Kodo reports MD5 of uploads; it is an integrity value here, not security.
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _qetag.Append(data);
        _crc32.Append(data);
        _md5.AppendData(data);
        Length += data.Length;
    }

    public string Qetag() => _qetag.GetEtagAndReset();

    public uint Crc32() => _crc32.GetCurrentHashAsUInt32();

    public string Md5Hex() => Convert.ToHexStringLower(_md5.GetHashAndReset());

    public void Dispose()
    {
        _qetag.Dispose();
        _md5.Dispose();
    }
}
