using System.Collections.Frozen;
using System.Reflection;

namespace Alluxio.Configuration;

/// <summary>Looks up <see cref="PropertyKeys"/> by name, case-insensitively, templates included.</summary>
public static class PropertyKeyRegistry
{
    private static readonly PropertyKey[] s_all = typeof(PropertyKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<PropertyKey>()
        .OrderBy(k => k.Name, StringComparer.Ordinal)
        .ToArray();

    private static readonly PropertyKeyTemplate[] s_templates = typeof(PropertyKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<PropertyKeyTemplate>()
        .ToArray();

    private static readonly FrozenDictionary<string, PropertyKey> s_byName =
        s_all.ToFrozenDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every fixed key, sorted by name.</summary>
    public static IReadOnlyList<PropertyKey> All => s_all;

    public static IReadOnlyList<PropertyKeyTemplate> Templates => s_templates;

    /// <summary>
    /// Finds the key named <paramref name="name"/>, in any case, or a member of a template family; null when the
    /// name is unknown.
    /// </summary>
    public static PropertyKey? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (s_byName.TryGetValue(name, out var key))
        {
            return key;
        }

        foreach (var template in s_templates)
        {
            if (template.Matches(name))
            {
                return template.Instantiate(name);
            }
        }

        return null;
    }

    /// <summary>The template family <paramref name="name"/> belongs to, if any.</summary>
    public static PropertyKeyTemplate? FindTemplate(string name) =>
        Array.Find(s_templates, t => t.Matches(name));
}
