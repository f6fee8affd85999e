namespace Kodo.Protocol.Hashing;

/// <summary>
/// Kodo's qetag (the object "hash" and download ETag): content split into 4 MiB blocks; one block (or none) gives
/// urlsafe_b64(0x16 || SHA1(block)), several give urlsafe_b64(0x96 || SHA1(SHA1(block0) || SHA1(block1) || ...)).
/// Always 28 characters.
/// </summary>
public static class Qetag
{
    /// <summary>The block size, 4 MiB.</summary>
    public const int BlockSize = 4 * 1024 * 1024;

    /// <summary>The length of the raw etag: a prefix byte and a SHA-1 digest.</summary>
    public const int EtagSize = 21;

    /// <summary>The length of the encoded etag.</summary>
    public const int EncodedLength = 28;

    /// <summary>The prefix of a content of at most one block; its etag starts with 'F'.</summary>
    public const byte SingleBlockPrefix = 0x16;

    /// <summary>The prefix of a content of several blocks; its etag starts with 'l'.</summary>
    public const byte MultiBlockPrefix = 0x96;

    /// <summary>The qetag of empty content.</summary>
    public const string Empty = "Fto5o-5ea0sNMlW_75VgGJCv2AcJ";

    /// <summary>The qetag of <paramref name="content"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> content)
    {
        using var hasher = new QetagHasher();
        hasher.Append(content);
        return hasher.GetEtagAndReset();
    }

    /// <summary>The qetag of the rest of <paramref name="stream"/>, read in pooled chunks.</summary>
    public static string Compute(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hasher = new QetagHasher();
        PooledStreamReader.ReadToEnd(stream, hasher.Append);
        return hasher.GetEtagAndReset();
    }

    /// <summary>The qetag of the rest of <paramref name="stream"/>, read asynchronously in pooled chunks.</summary>
    public static async Task<string> ComputeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hasher = new QetagHasher();
        await PooledStreamReader.ReadToEndAsync(stream, hasher.Append, cancellationToken).ConfigureAwait(false);
        return hasher.GetEtagAndReset();
    }

    /// <summary>Decodes an encoded qetag into its 21 raw bytes; false when it is not base64 of 21 bytes.</summary>
    public static bool TryDecode(ReadOnlySpan<char> etag, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[EtagSize + 3];
        if (destination.Length < EtagSize
            || !UrlSafeBase64.TryDecode(etag, buffer, out var written)
            || written != EtagSize)
        {
            return false;
        }

        buffer[..EtagSize].CopyTo(destination);
        return true;
    }
}
