using System.Globalization;

namespace Alluxio.Configuration;

/// <summary>
/// One configuration property: its canonical name, default, meaning, the processes that read it, the shape of its
/// value and whether the value is a secret that must never be shown.
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
        IReadOnlyList<string>? enumValues = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        if (type == PropertyType.Enum && (enumValues is null || enumValues.Count == 0))
        {
            throw new ArgumentException("An enum property needs its values.", nameof(enumValues));
        }

        Name = name;
        DefaultValue = defaultValue;
        Description = description;
        Scope = scope;
        Type = type;
        IsCredential = isCredential;
        _enumValues = enumValues?.ToArray() ?? [];
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
    /// Checks that a resolved value has this key's shape. Returns null when it does, else a short reason that never
    /// repeats a credential's value.
    /// </summary>
    public string? CheckValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = IsCredential ? CredentialMasker.Mask : value;
        var trimmed = value.Trim();
        return Type switch
        {
            PropertyType.Boolean when !bool.TryParse(trimmed, out _) => $"'{shown}' is not a boolean (true or false)",
            PropertyType.Integer when !int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                => $"'{shown}' is not an integer",
            PropertyType.Long when !long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                => $"'{shown}' is not an integer",
            PropertyType.Double when !double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                => $"'{shown}' is not a number",
            PropertyType.Port when !int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535
                => $"'{shown}' is not a port number (0 to 65535)",
            PropertyType.Duration when !DurationFormat.TryParse(trimmed, out _)
                => $"'{shown}' is not a duration (examples: 100ms, 50sec, 1min, 1hr, 1day)",
            PropertyType.DataSize when !DataSizeFormat.TryParse(trimmed, out _)
                => $"'{shown}' is not a byte size (examples: 1024, 64MB, 1GB)",
            PropertyType.Enum when FindEnumValue(trimmed) is null
                => $"'{shown}' is not one of {string.Join(", ", _enumValues)}",
            _ => null,
        };
    }

    /// <summary>The canonical spelling of an enum value, matched case-insensitively; null when it is not allowed.</summary>
    public string? FindEnumValue(string value) =>
        Array.Find(_enumValues, v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
