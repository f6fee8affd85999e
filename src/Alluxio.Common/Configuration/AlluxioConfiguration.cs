using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Alluxio.Configuration;

/// <summary>
/// An immutable snapshot of configuration: explicit values by canonical key over the registry's defaults, with
/// ${key} references resolved on read and typed getters in Alluxio's units.
/// </summary>
public sealed class AlluxioConfiguration
{
    private const int MaxReferenceDepth = 32;

    private readonly FrozenDictionary<string, ConfiguredValue> _values;

    public AlluxioConfiguration(IReadOnlyDictionary<string, ConfiguredValue> values, IReadOnlyList<ConfigurationIssue>? issues = null)
        : this(values.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), issues ?? [])
    {
    }

    private AlluxioConfiguration(FrozenDictionary<string, ConfiguredValue> values, IReadOnlyList<ConfigurationIssue> issues)
    {
        _values = values;
        Issues = issues;
    }

    /// <summary>The registry's defaults and nothing else.</summary>
    public static AlluxioConfiguration Defaults { get; } = new(new Dictionary<string, ConfiguredValue>());

    /// <summary>Problems found while loading: warnings (unknown keys, odd spelling) and errors (bad values).</summary>
    public IReadOnlyList<ConfigurationIssue> Issues { get; }

    public bool HasErrors => Issues.Any(i => i.IsError);

    /// <summary>Every explicitly set key, canonical spelling for known keys.</summary>
    public IEnumerable<string> ExplicitKeys => _values.Keys;

    /// <summary>The explicit value of a key, unresolved, or null when it takes its default.</summary>
    public ConfiguredValue? GetExplicit(string key) => _values.GetValueOrDefault(key);

    /// <summary>Where the value of <paramref name="key"/> comes from.</summary>
    public ConfigurationSource GetSource(PropertyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values.TryGetValue(key.Name, out var value) ? value.Source : ConfigurationSource.Default;
    }

    /// <summary>True when the key has a value, explicit or default.</summary>
    public bool IsSet(PropertyKey key) => GetOrNull(key) is not null;

    /// <summary>The resolved value, or null when the key has none.</summary>
    /// <exception cref="ConfigurationException">A ${key} reference cannot be resolved.</exception>
    public string? GetOrNull(PropertyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetRaw(key.Name, key) is { } raw ? Resolve(key.Name, raw, []) : null;
    }

    /// <summary>The resolved value.</summary>
    /// <exception cref="ConfigurationException">The key has no value or a reference cannot be resolved.</exception>
    public string Get(PropertyKey key) =>
        GetOrNull(key) ?? throw new ConfigurationException($"{key.Name} has no value; set it in alluxio-site.properties or with -D{key.Name}=...");

    /// <summary>
    /// The value as it may be shown to people, null when unset: masked for a credential and for any value that takes
    /// a credential in through a ${key} reference.
    /// </summary>
    public string? GetDisplayValue(PropertyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = GetOrNull(key);
        return value is null ? null : CredentialMasker.Show(value, TakesCredential(key));
    }

    /// <summary>
    /// True when the value of <paramref name="key"/> is a secret: the key is a credential or its value takes one in
    /// through a ${key} reference, at any depth. Such a value is masked in listings, errors, warnings and logs.
    /// </summary>
    public bool TakesCredential(PropertyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.IsCredential || CredentialMasker.ReferencesCredential(GetRaw(key.Name, key), name =>
        {
            var known = PropertyKeyRegistry.Global.Find(name);
            return GetRaw(known?.Name ?? name, known);
        });
    }

    public int GetInt(PropertyKey key) => Parse(key, v => int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    public long GetLong(PropertyKey key) => Parse(key, v => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    public double GetDouble(PropertyKey key) => Parse(key, v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture));

    public bool GetBoolean(PropertyKey key) => Parse(key, bool.Parse);

    /// <summary>A duration such as 50sec or 1min; "-1" gives a negative span, meaning "never" where a key says so.</summary>
    public TimeSpan GetDuration(PropertyKey key) => Parse(key, DurationFormat.Parse);

    /// <summary>A byte count such as 64MB.</summary>
    public long GetBytes(PropertyKey key) => Parse(key, DataSizeFormat.Parse);

    /// <summary>An enum value in the key's canonical case.</summary>
    public string GetEnum(PropertyKey key) =>
        Parse(key, v => key.FindEnumValue(v) ?? throw new FormatException($"not one of {string.Join(", ", key.EnumValues)}"));

    /// <summary>A comma-separated list, each item trimmed, empty items dropped.</summary>
    public IReadOnlyList<string> GetList(PropertyKey key) =>
        GetOrNull(key) is { } value ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>The values of a template family, keyed by the suffix (e.g. the UFS keys of the root mount's options).</summary>
    public IReadOnlyDictionary<string, string> GetTemplateValues(PropertyKeyTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _values)
        {
            if (template.Matches(key))
            {
                if (Resolve(key, value.Value, []) is { } resolved)
                {
                    result[key[template.Prefix.Length..]] = resolved;
                }
            }
        }

        return result;
    }

    /// <summary>The same values with the problems found in them.</summary>
    public AlluxioConfiguration WithIssues(IReadOnlyList<ConfigurationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return new AlluxioConfiguration(_values, issues);
    }

    /// <summary>A copy with <paramref name="overrides"/> taking precedence, e.g. a mount's options over the site file.</summary>
    public AlluxioConfiguration With(IEnumerable<KeyValuePair<string, string>> overrides, ConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var values = new Dictionary<string, ConfiguredValue>(_values, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            var canonical = PropertyKeyRegistry.Global.Find(key)?.Name ?? key;
            values[canonical] = new ConfiguredValue(value, source, key);
        }

        return new AlluxioConfiguration(values, Issues);
    }

    private string? GetRaw(string name, PropertyKey? key) =>
        _values.TryGetValue(name, out var value) ? value.Value : key?.DefaultValue;

    /// <summary>Parses a value after checking it against the key's shape and range, so a reader gets only what validateConf accepts.</summary>
    private T Parse<T>(PropertyKey key, Func<string, T> parse)
    {
        var value = Get(key);
        var masked = TakesCredential(key);
        if (key.CheckValue(value, masked) is { } problem)
        {
            throw new ConfigurationException($"{key.Name}: {problem}");
        }

        try
        {
            return parse(value.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // The parser's message may repeat the value; this one quotes it shortened, and masked when secret.
            var shown = QuotedValue.Of(CredentialMasker.Show(value, masked));
            throw new ConfigurationException($"{key.Name}: {shown} is not a valid {key.Type} value", e);
        }
    }

    /// <summary>
    /// Replaces each ${name} in <paramref name="raw"/>; <paramref name="chain"/> holds the keys being resolved. A
    /// reference to a known key that has no value leaves the whole value unset (null), as Alluxio's defaults such as
    /// level1.dirs.mediumtype=${level1.alias} rely on; a reference to an unknown key with no value is an error.
    /// </summary>
    private string? Resolve(string owner, string raw, List<string> chain)
    {
        if (!raw.Contains("${", StringComparison.Ordinal))
        {
            return raw;
        }

        if (chain.Count > MaxReferenceDepth)
        {
            throw new ConfigurationException($"references nest deeper than {MaxReferenceDepth} levels");
        }

        chain.Add(owner);
        var result = new StringBuilder(raw.Length);
        var position = 0;
        while (position < raw.Length)
        {
            var start = raw.IndexOf("${", position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : raw.IndexOf('}', start + 2);
            if (start < 0 || end < 0)
            {
                result.Append(raw, position, raw.Length - position);
                break;
            }

            result.Append(raw, position, start - position);
            var name = raw[(start + 2)..end].Trim();
            var known = PropertyKeyRegistry.Global.Find(name);
            var canonical = known?.Name ?? name;
            if (chain.Contains(canonical, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(DescribeCycle(chain, canonical));
            }

            var referenced = GetRaw(canonical, known);
            if (referenced is null)
            {
                if (known is null)
                {
                    throw new ConfigurationException($"${{{name}}} refers to an unknown key that has no value");
                }

                chain.RemoveAt(chain.Count - 1);
                return null;
            }

            if (Resolve(canonical, referenced, chain) is not { } resolved)
            {
                chain.RemoveAt(chain.Count - 1);
                return null;
            }

            result.Append(resolved);
            position = end + 1;
        }

        chain.RemoveAt(chain.Count - 1);
        return result.ToString();
    }

    /// <summary>Names a cycle starting from its alphabetically first key, so every key in it reports the same text.</summary>
    private static string DescribeCycle(List<string> chain, string repeated)
    {
        var cycle = chain.SkipWhile(c => !string.Equals(c, repeated, StringComparison.OrdinalIgnoreCase)).ToList();
        var first = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        var rotated = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
        rotated.Add(rotated[0]);
        return $"circular reference {string.Join(" -> ", rotated)}";
    }
}
