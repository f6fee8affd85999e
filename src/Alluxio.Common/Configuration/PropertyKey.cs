using System.Globalization;

namespace Alluxio.Configuration;

/// <summary>
/// One configuration property: its canonical name, default, meaning, the processes that read it, the shape of its
/// value, the range a number must fall in, and whether the value is a secret that must never be shown. The range is
/// what the component reading the key accepts, so validating the configuration rejects exactly what it would.
/// </summary>
public sealed class PropertyKey
{
    private readonly string[] _enumValues;

    public PropertyKey(
        string name,
        string? defaultValue,
        string description,
        PropertyScope scope,
        PropertyType type = PropertyType.String,
        bool isCredential = false,
        IReadOnlyList<string>? enumValues = null,
        long? minimum = null,
        long? maximum = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        if (type == PropertyType.Enum && (enumValues is null || enumValues.Count == 0))
        {
            throw new ArgumentException("An enum property needs its values.", nameof(enumValues));
        }

        if ((minimum is not null || maximum is not null) && !IsRanged(type))
        {
            throw new ArgumentException($"A {type} property cannot have a range.", nameof(minimum));
        }

        if (minimum > maximum)
        {
            throw new ArgumentException("The minimum is above the maximum.", nameof(minimum));
        }

        Name = name;
        DefaultValue = defaultValue;
        Description = description;
        Scope = scope;
        Type = type;
        IsCredential = isCredential;
        _enumValues = enumValues?.ToArray() ?? [];
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The canonical name, as Alluxio spells it.</summary>
    public string Name { get; }

    /// <summary>The default, which may hold ${key} references; null when the key has no default.</summary>
    public string? DefaultValue { get; }

    public string Description { get; }

    public PropertyScope Scope { get; }

    public PropertyType Type { get; }

    /// <summary>A credential's value prints as ****** wherever it is shown.</summary>
    public bool IsCredential { get; }

    /// <summary>The allowed values of an <see cref="PropertyType.Enum"/> key, in canonical case.</summary>
    public IReadOnlyList<string> EnumValues => _enumValues;

    /// <summary>
    /// The smallest allowed value, null for none: a number for integers, bytes for sizes, milliseconds for durations.
    /// </summary>
    public long? Minimum { get; }

    /// <summary>The largest allowed value, null for none; in the same unit as <see cref="Minimum"/>.</summary>
    public long? Maximum { get; }

    /// <summary>
    /// Checks that a resolved value has this key's shape and range. Returns null when it does, else a short reason
    /// that quotes the value cut to a readable length, or ****** for a credential or when <paramref name="masked"/>
    /// (the value took a credential in through a ${key} reference).
    /// </summary>
    public string? CheckValue(string value, bool masked = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = QuotedValue.Of(CredentialMasker.Show(value, IsCredential || masked));
        var trimmed = value.Trim();
        return Type switch
        {
            PropertyType.Boolean when !bool.TryParse(trimmed, out _) => $"{shown} is not a boolean (true or false)",
            PropertyType.Integer => int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? CheckRange(shown, number)
                : $"{shown} is not an integer",
            PropertyType.Long => long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? CheckRange(shown, number)
                : $"{shown} is not an integer",
            PropertyType.Double when !double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                => $"{shown} is not a number",
            PropertyType.Port when !int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535
                => $"{shown} is not a port number (0 to 65535)",
            PropertyType.Duration => DurationFormat.TryParse(trimmed, out var duration)
                ? CheckRange(shown, (long)duration.TotalMilliseconds)
                : $"{shown} is not a duration (examples: 100ms, 50sec, 1min, 1hr, 1day)",
            PropertyType.DataSize => DataSizeFormat.TryParse(trimmed, out var bytes)
                ? CheckRange(shown, bytes)
                : $"{shown} is not a byte size (examples: 1024, 64MB, 1GB)",
            PropertyType.Enum when FindEnumValue(trimmed) is null
                => $"{shown} is not one of {string.Join(", ", _enumValues)}",
            _ => null,
        };
    }

    /// <summary>The canonical spelling of an enum value, matched case-insensitively; null when it is not allowed.</summary>
    public string? FindEnumValue(string value) =>
        Array.Find(_enumValues, v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;

    private static bool IsRanged(PropertyType type) =>
        type is PropertyType.Integer or PropertyType.Long or PropertyType.DataSize or PropertyType.Duration;

    private string? CheckRange(string shown, long value) => (Minimum, Maximum) switch
    {
        ({ } min, { } max) when value < min || value > max => $"{shown} must be between {FormatBound(min)} and {FormatBound(max)}",
        ({ } min, null) when value < min => $"{shown} must be at least {FormatBound(min)}",
        (null, { } max) when value > max => $"{shown} must be at most {FormatBound(max)}",
        _ => null,
    };

    /// <summary>A bound in the notation the key is written in: 1MB for a size, 1sec for a duration.</summary>
    private string FormatBound(long bound) => Type switch
    {
        PropertyType.DataSize => DataSizeFormat.FormatExact(bound),
        PropertyType.Duration => DurationFormat.Format(TimeSpan.FromMilliseconds(bound)),
        _ => bound.ToString(CultureInfo.InvariantCulture),
    };
}
