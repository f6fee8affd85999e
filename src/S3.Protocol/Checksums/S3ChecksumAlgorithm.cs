namespace S3.Protocol.Checksums;

/// <summary>The additional checksums S3 verifies on upload (x-amz-checksum-*).</summary>
public enum S3ChecksumAlgorithm
{
    Crc32,
    Crc32C,
    Crc64Nvme,
    Sha1,
    Sha256,
}
