namespace S3.Protocol.Xml;

/// <summary>The optional body of CreateBucket; a bucket created without one has no location constraint.</summary>
public sealed record CreateBucketConfiguration(string? LocationConstraint);
