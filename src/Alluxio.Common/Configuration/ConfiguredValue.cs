namespace Alluxio.Configuration;

/// <summary>A raw value, before ${key} references are resolved, where it came from, and the key as the source spelled it.</summary>
public sealed record ConfiguredValue(string Value, ConfigurationSource Source, string WrittenKey);
