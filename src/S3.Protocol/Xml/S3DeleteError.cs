namespace S3.Protocol.Xml;

/// <summary>A key DeleteObjects could not remove (an Error element), with the S3 error code and message.</summary>
public sealed record S3DeleteError(string Key, string Code, string Message, string? VersionId = null);
