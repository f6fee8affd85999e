namespace S3.Protocol.Tests.Support;

internal static class TestContent
{
    /// <summary>Bytes that differ from run to run of seeds but never within one.</summary>
    public static byte[] Seeded(int length, int seed)
    {
        var content = new byte[length];
        new Random(seed).NextBytes(content);
        return content;
    }
}
