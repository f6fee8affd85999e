namespace S3.Protocol.Xml;

/// <summary>An object or bucket tag.</summary>
public sealed record S3Tag(string Key, string Value);
