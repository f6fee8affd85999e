using Kodo.Protocol.Hashing;

namespace Kodo.Client.Tests;

/// <summary>Reproducible object contents and the hashes Kodo should report for them, computed independently.</summary>
internal static class TestContent
{
    public const int MiB = 1024 * 1024;

    /// <summary><paramref name="size"/> pseudo-random bytes, the same for the same seed.</summary>
    public static byte[] Bytes(int size, int seed = 1)
    {
        var content = new byte[size];
#pragma warning disable CA5394 // Test data, not security.
        new Random(seed).NextBytes(content);
#pragma warning restore CA5394
        return content;
    }

    /// <summary>The EtagV2 of <paramref name="content"/> uploaded in parts of <paramref name="partSize"/>.</summary>
    public static string EtagV2(byte[] content, int partSize)
    {
        var parts = new List<PartEtag>();
        for (var offset = 0; offset < content.Length; offset += partSize)
        {
            var part = content.AsSpan(offset, Math.Min(partSize, content.Length - offset));
            parts.Add(new PartEtag(part.Length, Qetag.Compute(part)));
        }

        return Protocol.Hashing.EtagV2.Compute(parts);
    }

    /// <summary>Reads a whole stream.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }
}
