namespace S3.Protocol.Xml;

/// <summary>A key DeleteObjects removed (a Deleted element).</summary>
public sealed record S3DeletedObject(string Key, string? VersionId = null);
