namespace Alluxio.Cli.Commands.RunTests;

/// <summary>The two checks runTests makes, by Alluxio's names.</summary>
internal enum TestOperation
{
    /// <summary>20 ints in native byte order, read back in one read: 80 bytes.</summary>
    Basic,

    /// <summary>The length 20 then 0..19, big-endian as Java's DataOutputStream writes them: 84 bytes.</summary>
    BasicNonByteBuffer,
}
