namespace S3.Protocol.Xml;

/// <summary>The body of CompleteMultipartUpload: the parts to join, in ascending part order.</summary>
public sealed record CompleteMultipartUpload(IReadOnlyList<CompletedPart> Parts);
