using System.Text;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Server.Tests;

/// <summary>What a test expects a subtree to hold: paths (relative to its root) with their kind.</summary>
internal sealed class NamespaceModel : IEquatable<NamespaceModel>
{
    private readonly SortedDictionary<string, string> _entries = new(StringComparer.Ordinal);

    public void AddDirectory(string path) => _entries[path] = "dir";

    public void AddFile(string path, bool completed) => _entries[path] = completed ? "file" : "incomplete file";

    public void Delete(string path)
    {
        foreach (var key in _entries.Keys.Where(k => k == path || k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
        {
            _entries.Remove(key);
        }
    }

    public void Rename(string source, string destination)
    {
        var moved = _entries.Where(e => e.Key == source || e.Key.StartsWith(source + "/", StringComparison.Ordinal)).ToList();
        foreach (var (key, _) in moved)
        {
            _entries.Remove(key);
        }

        foreach (var (key, kind) in moved)
        {
            _entries[destination + key[source.Length..]] = kind;
        }
    }

    public NamespaceModel Clone()
    {
        var copy = new NamespaceModel();
        foreach (var (key, kind) in _entries)
        {
            copy._entries[key] = kind;
        }

        return copy;
    }

    /// <summary>What the master holds under <paramref name="root"/>, read without loading from the UFS.</summary>
    public static async Task<NamespaceModel> ReadAsync(FileSystem fileSystem, string root, CancellationToken cancellationToken)
    {
        var model = new NamespaceModel();
        if (!await fileSystem.ExistsAsync(root, cancellationToken: cancellationToken))
        {
            return model;
        }

        await foreach (var status in fileSystem.ListStatusAsync(root, new ListStatusOptions { Recursive = true }, cancellationToken))
        {
            if (status.IsFolder)
            {
                model.AddDirectory(status.Path);
            }
            else
            {
                model.AddFile(status.Path, status.IsCompleted);
            }
        }

        return model;
    }

    public bool Equals(NamespaceModel? other) => other is not null && _entries.SequenceEqual(other._entries);

    public override bool Equals(object? obj) => Equals(obj as NamespaceModel);

    public override int GetHashCode() => _entries.Count;

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, kind) in _entries)
        {
            text.Append("  ").Append(key).Append(" (").Append(kind).AppendLine(")");
        }

        return text.Length == 0 ? "  (empty)" : text.ToString().TrimEnd();
    }
}
