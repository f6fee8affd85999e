using Alluxio.Paths;
namespace Kodo.Emulator.Storage;

/// <summary>The objects of one bucket, ordered by key for listing. All access is under one lock.</summary>
internal sealed class Bucket(string name)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ObjectInfo> _objects = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(CodePointOrder.Instance);

    public string Name { get; } = name;

    public bool IsPrivate { get; set; } = true;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _objects.Count;
            }
        }
    }

    public ObjectInfo? Find(string key)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    /// <summary>Sets the object unless one exists and <paramref name="overwrite"/> is false.</summary>
    /// <param name="previous">The replaced object, or the existing one when nothing was set.</param>
    public bool TryPut(ObjectInfo info, bool overwrite, out ObjectInfo? previous)
    {
        lock (_lock)
        {
            if (_objects.TryGetValue(info.Key, out previous) && !overwrite)
            {
                return false;
            }

            _objects[info.Key] = info;
            _keys.Add(info.Key);
            return true;
        }
    }

    /// <summary>Removes the object only if it is still <paramref name="expected"/>, so a racing write is not undone.</summary>
    public bool TryRemove(string key, ObjectInfo? expected, out ObjectInfo? removed)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(key, out removed) || (expected is not null && !ReferenceEquals(removed, expected)))
            {
                removed = null;
                return false;
            }

            _objects.Remove(key);
            _keys.Remove(key);
            return true;
        }
    }

    /// <summary>
    /// Lists keys after <paramref name="afterKey"/> that start with <paramref name="prefix"/>. Every key scanned
    /// counts against <paramref name="limit"/>, folded ones included, as Kodo counts. With a delimiter, keys under
    /// a common prefix fold into it; a prefix the previous page already returned (the one holding
    /// <paramref name="afterKey"/>) is not returned again.
    /// </summary>
    public ListPage List(string prefix, string? delimiter, string? afterKey, int limit)
    {
        var items = new List<ObjectInfo>();
        var prefixes = new List<string>();
        string? lastPrefix = afterKey is null ? null : CommonPrefix(afterKey, prefix, delimiter);
        string? lastScanned = null;
        var scanned = 0;
        lock (_lock)
        {
            if (_keys.Count == 0)
            {
                return new ListPage(items, prefixes, null);
            }

            var lower = afterKey is not null && CodePointOrder.Instance.Compare(afterKey, prefix) > 0 ? afterKey : prefix;
            if (CodePointOrder.Instance.Compare(lower, _keys.Max) > 0)
            {
                return new ListPage(items, prefixes, null);
            }

            foreach (var key in _keys.GetViewBetween(lower, _keys.Max!))
            {
                if (afterKey is not null && CodePointOrder.Instance.Compare(key, afterKey) <= 0)
                {
                    continue;
                }

                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    // Keys with the prefix are contiguous; once past them the listing is complete.
                    return new ListPage(items, prefixes, null);
                }

                if (scanned == limit)
                {
                    return new ListPage(items, prefixes, lastScanned);
                }

                scanned++;
                lastScanned = key;
                if (CommonPrefix(key, prefix, delimiter) is { } common)
                {
                    if (common != lastPrefix)
                    {
                        prefixes.Add(common);
                        lastPrefix = common;
                    }
                }
                else
                {
                    items.Add(_objects[key]);
                }
            }
        }

        return new ListPage(items, prefixes, null);
    }

    private static string? CommonPrefix(string key, string prefix, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter) || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
