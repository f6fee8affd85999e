namespace S3.Protocol.Xml;

/// <summary>A multipart upload in progress, in ListMultipartUploadsResult.</summary>
public sealed record S3UploadEntry
{
    public required string Key { get; init; }

    public required string UploadId { get; init; }

    public required DateTimeOffset Initiated { get; init; }

    public S3Owner? Initiator { get; init; }

    public S3Owner? Owner { get; init; }

    public string StorageClass { get; init; } = "STANDARD";
}
