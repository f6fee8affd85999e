using System.Buffers.Binary;

namespace Alluxio.Cli.Commands.RunTests;

/// <summary>The bytes each runTests operation writes and expects back.</summary>
internal static class TestPayload
{
    /// <summary>How many ints both operations write.</summary>
    public const int Count = 20;

    public static byte[] For(TestOperation operation)
    {
        if (operation == TestOperation.Basic)
        {
            // Alluxio writes through a ByteBuffer in native order: the ints 0..19, 80 bytes.
            var bytes = new byte[Count * sizeof(int)];
            for (var i = 0; i < Count; i++)
            {
                if (BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), i);
                }
                else
                {
                    BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(i * sizeof(int)), i);
                }
            }

            return bytes;
        }

        // Java's DataOutputStream: the count, then 0..19, big-endian, 84 bytes.
        var framed = new byte[(Count + 1) * sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(framed, Count);
        for (var i = 0; i < Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan((i + 1) * sizeof(int)), i);
        }

        return framed;
    }
}
