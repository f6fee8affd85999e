using S3.Protocol.Checksums;

namespace S3.Protocol.Xml;

/// <summary>A part named in a CompleteMultipartUpload body.</summary>
/// <param name="PartNumber">1 to 10000.</param>
/// <param name="ETag">The part's ETag as the client sent it, quoted or not (compare with <see cref="S3ETag.Unquote"/>).</param>
/// <param name="Checksum">The part's checksum, when the client sent one (ChecksumCRC32 and the like).</param>
public sealed record CompletedPart(int PartNumber, string ETag, S3Checksum? Checksum = null);
