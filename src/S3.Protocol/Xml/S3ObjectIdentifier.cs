namespace S3.Protocol.Xml;

/// <summary>An object named in a DeleteObjects body.</summary>
public sealed record S3ObjectIdentifier(string Key, string? VersionId = null);
