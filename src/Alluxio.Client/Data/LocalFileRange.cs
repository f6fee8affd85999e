using Microsoft.Win32.SafeHandles;

namespace Alluxio.Client.Data;

/// <summary>
/// Bytes of an Alluxio file left where they are, in a worker's block file on this host, for a caller that moves them
/// without copying (splice). It holds a reference on <see cref="File"/>, so the descriptor stays open, whatever the
/// stream does meanwhile, until <see cref="Release"/>.
/// </summary>
public readonly record struct LocalFileRange(SafeFileHandle File, long Offset, int Length)
{
    /// <summary>Copies the range into <paramref name="destination"/>, for a caller that cannot move it without a copy.</summary>
    /// <exception cref="IOException">The file holds fewer bytes than the range.</exception>
    public int CopyTo(Span<byte> destination)
    {
        var copied = RandomAccess.Read(File, destination[..Length], Offset);
        return copied == Length ? copied : throw new IOException($"A local block file ended {Length - copied} bytes before the range read from it.");
    }

    /// <summary>Gives back the reference taken on <see cref="File"/>; once per range.</summary>
    public void Release() => File.DangerousRelease();
}
