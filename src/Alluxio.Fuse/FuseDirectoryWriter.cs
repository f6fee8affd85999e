using System.Text;
using Alluxio.Fuse.Interop;

namespace Alluxio.Fuse;

/// <summary>One readdir reply being filled, in a pooled buffer of the size the kernel asked for.</summary>
internal sealed unsafe class FuseDirectoryWriter(nint request, byte[] buffer, int size, bool plus) : IFuseDirectoryWriter
{
    private const int MaxStackName = 1024;

    public bool Plus { get; } = plus;

    /// <summary>The bytes filled so far.</summary>
    public int Length { get; private set; }

    public bool TryAdd(string name, in FuseEntry entry, long nextOffset)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(name.Length) + 1;
        var nameBytes = maxBytes <= MaxStackName ? stackalloc byte[maxBytes] : new byte[maxBytes];
        nameBytes[Encoding.UTF8.GetBytes(name, nameBytes)] = 0;
        var remaining = (nuint)(size - Length);
        nuint needed;
        fixed (byte* start = buffer)
        fixed (byte* namePointer = nameBytes)
        {
            if (Plus)
            {
                var param = FuseDispatcher.ToEntryParam(entry);
                needed = LibFuse.AddDirectoryEntryPlus(request, start + Length, remaining, namePointer, &param, nextOffset);
            }
            else
            {
                var stat = FuseDispatcher.ToStat(entry.Attributes);
                needed = LibFuse.AddDirectoryEntry(request, start + Length, remaining, namePointer, &stat, nextOffset);
            }
        }

        if (needed > remaining)
        {
            return false;
        }

        Length += (int)needed;
        return true;
    }
}
