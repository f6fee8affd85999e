using System.Security.Cryptography;

namespace Kodo.Protocol.Hashing;

/// <summary>
/// Computes a qetag over bytes appended in any chunking, holding only two running SHA-1 states (the current
/// block's and the one over block digests), so an object of any size is hashed without being buffered.
/// </summary>
public sealed class QetagHasher : IDisposable
{
    private readonly IncrementalHash _block = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly IncrementalHash _digests = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private long _blockFill;
    private long _blockCount;

    /// <summary>The number of bytes appended since creation or the last reset.</summary>
    public long BytesHashed { get; private set; }

    /// <summary>Appends the next bytes of the content.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_blockFill == Qetag.BlockSize)
            {
                CompleteBlock();
            }

            var take = (int)Math.Min(data.Length, Qetag.BlockSize - _blockFill);
            _block.AppendData(data[..take]);
            _blockFill += take;
            BytesHashed += take;
            data = data[take..];
        }
    }

    /// <summary>Returns the qetag of everything appended and starts over.</summary>
    public string GetEtagAndReset()
    {
        Span<byte> etag = stackalloc byte[Qetag.EtagSize];
        GetEtagAndReset(etag);
        return UrlSafeBase64.Encode(etag);
    }

    /// <summary>Writes the 21 raw bytes of the qetag (prefix byte and SHA-1) and starts over.</summary>
    public void GetEtagAndReset(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Qetag.EtagSize, nameof(destination));

        // A content of exactly one block (or none) keeps its block digest; only a second block turns it into a list.
        if (_blockCount == 0)
        {
            destination[0] = Qetag.SingleBlockPrefix;
            _block.GetHashAndReset(destination[1..Qetag.EtagSize]);
        }
        else
        {
            CompleteBlock();
            destination[0] = Qetag.MultiBlockPrefix;
            _digests.GetHashAndReset(destination[1..Qetag.EtagSize]);
        }

        _blockFill = 0;
        _blockCount = 0;
        BytesHashed = 0;
    }

    public void Dispose()
    {
        _block.Dispose();
        _digests.Dispose();
    }

    private void CompleteBlock()
    {
        Span<byte> digest = stackalloc byte[SHA1.HashSizeInBytes];
        _block.GetHashAndReset(digest);
        _digests.AppendData(digest);
        _blockCount++;
        _blockFill = 0;
    }
}
