namespace Alluxio.Configuration;

/// <summary>
/// A family of keys that share a prefix and differ in a free-form suffix, such as
/// alluxio.master.mount.table.root.option.&lt;ufs key&gt;. A key of the family is a credential when its suffix names
/// one, so a secret passed as a root mount option stays masked.
/// </summary>
public sealed class PropertyKeyTemplate(string prefix, string description, PropertyScope scope)
{
    /// <summary>The fixed part, ending in a dot.</summary>
    public string Prefix { get; } = prefix;

    public string Description { get; } = description;

    public PropertyScope Scope { get; } = scope;

    /// <summary>True when <paramref name="name"/> belongs to this family (case-insensitive prefix, non-empty suffix).</summary>
    public bool Matches(string name) =>
        name.Length > Prefix.Length && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Builds the key for a member of the family, keeping the suffix as written; the suffix takes the shape of the key
    /// it names in <paramref name="registry"/>.
    /// </summary>
    public PropertyKey Instantiate(string name, PropertyKeyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(registry);
        var suffix = name[Prefix.Length..];
        var inner = registry.Find(suffix);
        var isCredential = inner?.IsCredential ?? CredentialMasker.LooksLikeSecret(suffix);
        var canonicalSuffix = inner?.Name ?? suffix;
        return new PropertyKey(
            Prefix + canonicalSuffix,
            defaultValue: null,
            Description,
            Scope,
            inner?.Type ?? PropertyType.String,
            isCredential,
            inner?.EnumValues,
            inner?.Minimum,
            inner?.Maximum);
    }
}
