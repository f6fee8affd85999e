using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace S3.Protocol.Checksums;

/// <summary>Computes one additional checksum incrementally, as a body streams through.</summary>
public sealed class S3ChecksumHasher : IDisposable
{
    private readonly NonCryptographicHashAlgorithm? _crc;
    private readonly IncrementalHash? _hash;

    public S3ChecksumHasher(S3ChecksumAlgorithm algorithm)
    {
        Algorithm = algorithm;
        switch (algorithm)
        {
            case S3ChecksumAlgorithm.Crc32:
                _crc = new Crc32();
                break;
            case S3ChecksumAlgorithm.Crc32C:
                _crc = new Crc32(Crc32ParameterSet.Crc32C);
                break;
            case S3ChecksumAlgorithm.Crc64Nvme:
                _crc = new Crc64(Crc64ParameterSet.Nvme);
                break;
            case S3ChecksumAlgorithm.Sha1:
                _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
                break;
            case S3ChecksumAlgorithm.Sha256:
                _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
        }
    }

    public S3ChecksumAlgorithm Algorithm { get; }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_crc is not null)
        {
            _crc.Append(data);
        }
        else
        {
            _hash!.AppendData(data);
        }
    }

    /// <summary>The digest of everything appended, big-endian for the CRCs as S3 encodes them.</summary>
    public byte[] GetDigest()
    {
        switch (_crc)
        {
            case Crc32 crc32:
                var digest32 = new byte[sizeof(uint)];
                BinaryPrimitives.WriteUInt32BigEndian(digest32, crc32.GetCurrentHashAsUInt32());
                return digest32;
            case Crc64 crc64:
                var digest64 = new byte[sizeof(ulong)];
                BinaryPrimitives.WriteUInt64BigEndian(digest64, crc64.GetCurrentHashAsUInt64());
                return digest64;
            default:
                return _hash!.GetCurrentHash();
        }
    }

    /// <summary>The checksum of everything appended.</summary>
    public S3Checksum GetChecksum() => new(Algorithm, Convert.ToBase64String(GetDigest()));

    public void Dispose() => _hash?.Dispose();
}
