using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Kodo.Protocol.Tests;

/// <summary>The contents the spec's hash vectors are defined over.</summary>
[SuppressMessage("Security", "CA5350", Justification = "qetag is defined over SHA-1.")]
internal static class TestContent
{
    public const int MiB = 1024 * 1024;

    public static byte[] Zeros(int size) => new byte[size];

    /// <summary>Python SDK's create_temp_file: size-1 zero bytes then the character '0' (§5.1).</summary>
    public static byte[] ZerosEndingInDigit(int size)
    {
        var content = new byte[size];
        content[^1] = (byte)'0';
        return content;
    }

    /// <summary>
    /// Java SDK's TempFile.createFileOld(k) (§5.1): 1024·k bytes of 8192-byte chunks, chunk i being the big-endian
    /// int32 i repeated 1023 times then 4100 zero bytes, cut at the size.
    /// </summary>
    public static byte[] JavaTempFile(int kib)
    {
        var content = new byte[kib * 1024];
        for (var chunkStart = 0; chunkStart < content.Length; chunkStart += 8192)
        {
            var index = chunkStart / 8192;
            for (var i = 0; i < 1023; i++)
            {
                var offset = chunkStart + (i * 4);
                if (offset + 4 > content.Length)
                {
                    break;
                }

                BinaryPrimitives.WriteInt32BigEndian(content.AsSpan(offset, 4), index);
            }
        }

        return content;
    }

    /// <summary>A plain, unoptimised qetag written straight from §5.1, to check the streaming hasher against.</summary>
    public static string ReferenceQetag(byte[] content)
    {
        const int block = 4 * MiB;
        if (content.Length <= block)
        {
            return UrlSafeBase64.Encode([0x16, .. SHA1.HashData(content)]);
        }

        var digests = new List<byte>();
        for (var offset = 0; offset < content.Length; offset += block)
        {
            digests.AddRange(SHA1.HashData(content.AsSpan(offset, Math.Min(block, content.Length - offset))));
        }

        return UrlSafeBase64.Encode([0x96, .. SHA1.HashData(digests.ToArray())]);
    }

    /// <summary>Fills <paramref name="size"/> bytes from a seeded generator, so a failing case can be replayed.</summary>
    public static byte[] Seeded(int size, int seed)
    {
        var content = new byte[size];
        new Random(seed).NextBytes(content);
        return content;
    }
}
