namespace S3.Protocol.Xml;

/// <summary>A bucket in ListAllMyBucketsResult.</summary>
public sealed record S3BucketEntry(string Name, DateTimeOffset CreationDate);
