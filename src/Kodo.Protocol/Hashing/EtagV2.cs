using System.Security.Cryptography;

namespace Kodo.Protocol.Hashing;

/// <summary>
/// The hash of an object completed by v2 multipart upload, computed from its parts' qetags so the content is never
/// read again. Parts laid out like qetag blocks (every part but the last exactly 4 MiB) give the plain qetag of
/// the content; any other layout gives urlsafe_b64(0x9e || SHA1(digest(part0) || digest(part1) || ...)), each
/// digest being a part's qetag without its prefix byte.
/// </summary>
public static class EtagV2
{
    /// <summary>The prefix of an etag over parts that are not laid out as 4 MiB blocks; it starts with 'n'.</summary>
    public const byte MultipartPrefix = 0x9e;

    /// <summary>Computes the etag of parts given in part-number order.</summary>
    /// <exception cref="FormatException">A part's etag is not an encoded qetag.</exception>
    public static string Compute(IReadOnlyList<PartEtag> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(part.Size, nameof(parts));
            ArgumentNullException.ThrowIfNull(part.Etag, nameof(parts));
        }

        var blockCount = CountBlocks(parts);
        if (blockCount == 0)
        {
            return Qetag.Empty;
        }

        var blockAligned = blockCount > 0;
        Span<byte> etag = stackalloc byte[Qetag.EtagSize];
        Span<byte> partEtag = stackalloc byte[Qetag.EtagSize];
        using var digests = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var count = blockAligned ? blockCount : parts.Count;
        for (var i = 0; i < count; i++)
        {
            if (!Qetag.TryDecode(parts[i].Etag, partEtag))
            {
                throw new FormatException($"The etag of part {i + 1} is not a qetag.");
            }

            digests.AppendData(partEtag[1..]);
        }

        // A single block is its own qetag: the list form only starts at two blocks.
        if (blockAligned && blockCount == 1)
        {
            return parts[0].Etag;
        }

        etag[0] = blockAligned ? Qetag.MultiBlockPrefix : MultipartPrefix;
        digests.GetHashAndReset(etag[1..]);
        return UrlSafeBase64.Encode(etag);
    }

    // The number of parts that hold content when the parts are laid out like qetag blocks (every one but the last
    // exactly 4 MiB, the last at most 4 MiB, trailing empty parts ignored); -1 when they are not.
    private static int CountBlocks(IReadOnlyList<PartEtag> parts)
    {
        var count = parts.Count;
        while (count > 0 && parts[count - 1].Size == 0)
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            var size = parts[i].Size;
            if (size > Qetag.BlockSize || (i < count - 1 && size != Qetag.BlockSize))
            {
                return -1;
            }
        }

        return count;
    }
}
