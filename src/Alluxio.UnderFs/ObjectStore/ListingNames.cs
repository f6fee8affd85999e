namespace Alluxio.UnderFs.ObjectStore;

/// <summary>
/// Turns the keys of a listing, page after page, into Alluxio's entries without remembering the whole listing:
/// a "dir/" marker or common prefix becomes a directory, every directory implied by a deeper key is reported once
/// (recursive listings), and a file X hides a directory X that has no entry of its own (as in Alluxio). It relies
/// on the store listing keys in order: all keys that start with one prefix are then contiguous, so only the chain
/// of names the current key lies below has to be kept.
/// </summary>
internal sealed class ListingNames(bool recursive)
{
    private readonly List<string> _directories = [];
    private readonly List<string> _files = [];

    /// <summary>The entry names that <paramref name="name"/> (relative, "/"-terminated for a directory) adds.</summary>
    public IEnumerable<(string Name, bool IsDirectory)> Add(string name)
    {
        if (name.Length == 0)
        {
            // The listed folder's own marker.
            yield break;
        }

        Unwind(name);
        var isDirectory = name.EndsWith('/');
        var entry = isDirectory ? name.TrimEnd('/') : name;
        if (recursive)
        {
            for (var slash = entry.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = entry.IndexOf('/', slash + 1))
            {
                var ancestor = entry[..slash];
                if (TryAddDirectory(ancestor))
                {
                    yield return (ancestor, true);
                }
            }
        }

        if (entry.Length == 0)
        {
            yield break;
        }

        if (isDirectory)
        {
            if (TryAddDirectory(entry))
            {
                yield return (entry, true);
            }
        }
        else
        {
            _files.Add(entry);
            yield return (entry, false);
        }
    }

    /// <summary>Forgets the names that no key from <paramref name="name"/> on can fall below.</summary>
    private void Unwind(string name)
    {
        while (_files.Count > 0 && !name.StartsWith(_files[^1], StringComparison.Ordinal))
        {
            _files.RemoveAt(_files.Count - 1);
        }

        while (_directories.Count > 0 && !name.StartsWith(_directories[^1] + "/", StringComparison.Ordinal))
        {
            _directories.RemoveAt(_directories.Count - 1);
        }
    }

    private bool TryAddDirectory(string name)
    {
        if (_directories.Contains(name) || _files.Contains(name))
        {
            return false;
        }

        _directories.Add(name);
        return true;
    }
}
