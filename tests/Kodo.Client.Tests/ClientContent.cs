using Kodo.Protocol.Hashing;

namespace Kodo.Client.Tests;

/// <summary>The hashes Kodo should report for test contents, computed independently, and a whole-stream read.</summary>
internal static class ClientContent
{
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
