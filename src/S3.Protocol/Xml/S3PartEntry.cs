namespace S3.Protocol.Xml;

/// <summary>An uploaded part in ListPartsResult.</summary>
public sealed record S3PartEntry(int PartNumber, DateTimeOffset LastModified, string ETag, long Size);
