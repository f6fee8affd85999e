namespace Alluxio.Fuse.Tests;

/// <summary>A readdir reply that holds at most <paramref name="capacity"/> entries, as a small kernel buffer would.</summary>
internal sealed class RecordingDirectoryWriter(int capacity, bool plus) : IFuseDirectoryWriter
{
    public bool Plus { get; } = plus;

    public List<(string Name, FuseEntry Entry, long NextOffset)> Entries { get; } = [];

    public bool TryAdd(string name, in FuseEntry entry, long nextOffset)
    {
        if (Entries.Count == capacity)
        {
            return false;
        }

        Entries.Add((name, entry, nextOffset));
        return true;
    }
}
