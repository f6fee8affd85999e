using System.Buffers;

namespace Alluxio.Fuse.Files;

/// <summary>Bytes read ahead of a reader: a pooled buffer holding the file's bytes from <see cref="Offset"/>.</summary>
internal readonly record struct ReadAheadChunk(byte[] Buffer, long Offset, int Length)
{
    public long End => Offset + Length;

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
