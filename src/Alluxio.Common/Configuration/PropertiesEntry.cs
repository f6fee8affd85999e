namespace Alluxio.Configuration;

/// <summary>One key=value pair of a properties file and the line it starts on.</summary>
public readonly record struct PropertiesEntry(string Key, string Value, int Line);
