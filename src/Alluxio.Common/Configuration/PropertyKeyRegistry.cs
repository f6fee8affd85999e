using System.Collections.Frozen;

namespace Alluxio.Configuration;

/// <summary>
/// Every property key a process knows, looked up by name case-insensitively, templates included. Alluxio.Common's
/// keys are in it from the start; each module registers its own at start-up (e.g. the Kodo UFS its fs.kodo.* keys),
/// so a key lives with the code that reads it.
/// </summary>
public sealed class PropertyKeyRegistry
{
    private readonly Lock _lock = new();

    // Lookups read an immutable snapshot; registering (rare, at start-up) swaps in a new one.
    private volatile Snapshot _snapshot = new([], []);

    /// <summary>The process's registry: Alluxio.Common's keys and those of every module registered into it.</summary>
    public static PropertyKeyRegistry Global { get; } = CreateWithCommonKeys();

    /// <summary>Every fixed key, sorted by name.</summary>
    public IReadOnlyList<PropertyKey> All => _snapshot.Keys;

    public IReadOnlyList<PropertyKeyTemplate> Templates => _snapshot.Templates;

    /// <summary>A registry holding Alluxio.Common's keys.</summary>
    public static PropertyKeyRegistry CreateWithCommonKeys()
    {
        var registry = new PropertyKeyRegistry();
        PropertyKeys.Register(registry);
        return registry;
    }

    /// <summary>
    /// Adds keys and templates. Registering the same key again does nothing, so a module may register more than once;
    /// another key with the same name, in any case, is a programming error.
    /// </summary>
    /// <exception cref="InvalidOperationException">A different key with the same name is registered.</exception>
    public void Register(IEnumerable<PropertyKey> keys, IEnumerable<PropertyKeyTemplate>? templates = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            var current = _snapshot;
            var byName = current.ByName.ToDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var key in keys)
            {
                if (byName.TryGetValue(key.Name, out var existing) && !ReferenceEquals(existing, key))
                {
                    throw new InvalidOperationException($"Property key {key.Name} is registered twice.");
                }

                byName[key.Name] = key;
            }

            var allTemplates = current.Templates.ToList();
            foreach (var template in templates ?? [])
            {
                if (!allTemplates.Contains(template))
                {
                    allTemplates.Add(template);
                }
            }

            _snapshot = new Snapshot([.. byName.Values.OrderBy(k => k.Name, StringComparer.Ordinal)], [.. allTemplates]);
        }
    }

    /// <summary>
    /// Finds the key named <paramref name="name"/>, in any case, or a member of a template family; null when the
    /// name is unknown.
    /// </summary>
    public PropertyKey? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var snapshot = _snapshot;
        if (snapshot.ByName.TryGetValue(name, out var key))
        {
            return key;
        }

        foreach (var template in snapshot.Templates)
        {
            if (template.Matches(name))
            {
                return template.Instantiate(name, this);
            }
        }

        return null;
    }

    /// <summary>The template family <paramref name="name"/> belongs to, if any.</summary>
    public PropertyKeyTemplate? FindTemplate(string name) =>
        _snapshot.Templates.FirstOrDefault(t => t.Matches(name));

    private sealed class Snapshot(PropertyKey[] keys, PropertyKeyTemplate[] templates)
    {
        public PropertyKey[] Keys { get; } = keys;

        public PropertyKeyTemplate[] Templates { get; } = templates;

        public FrozenDictionary<string, PropertyKey> ByName { get; } =
            keys.ToFrozenDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);
    }
}
