namespace Alluxio.Testing;

/// <summary>Reproducible object contents.</summary>
public static class TestContent
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
}
