using System.Buffers.Binary;
using System.IO.Hashing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// Reproducible content of any length, handed out one buffer-sized chunk at a time so that a few MB at most is ever
/// held: a small pool of seeded random chunks, each given out with its index stamped in its first bytes, so no two
/// chunks of the content are alike and making one costs next to nothing beside the transfer being timed.
/// </summary>
/// <remarks>A chunk is valid until the chunk <see cref="PoolChunks"/> further on is asked for; writers copy it first.</remarks>
internal sealed class SeededContent
{
    private const int PoolChunks = 8;
    private const int ChunkBytes = DataPathScale.BufferBytes;

    private readonly byte[][] _pool = new byte[PoolChunks][];

    public SeededContent(long length, int seed = 1)
    {
        Length = length;
#pragma warning disable CA5394 // Test data, not security.
        var random = new Random(seed);
        for (var i = 0; i < PoolChunks; i++)
        {
            _pool[i] = new byte[ChunkBytes];
            random.NextBytes(_pool[i]);
        }
#pragma warning restore CA5394
    }

    public long Length { get; }

    public long ChunkCount => (Length + ChunkBytes - 1) / ChunkBytes;

    public ReadOnlyMemory<byte> Chunk(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ChunkCount);
        var chunk = _pool[index % PoolChunks];
        BinaryPrimitives.WriteInt64LittleEndian(chunk, index);
        return chunk.AsMemory(0, (int)Math.Min(ChunkBytes, Length - (index * ChunkBytes)));
    }

    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0L; i < ChunkCount; i++)
        {
            await destination.WriteAsync(Chunk(i), cancellationToken);
        }
    }

    /// <summary>The XxHash3 of the whole content, computed chunk by chunk.</summary>
    public ulong Hash()
    {
        var hash = new XxHash3();
        for (var i = 0L; i < ChunkCount; i++)
        {
            hash.Append(Chunk(i).Span);
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
