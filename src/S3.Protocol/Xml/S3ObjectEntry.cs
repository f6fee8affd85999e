namespace S3.Protocol.Xml;

/// <summary>An object in a bucket listing (a Contents element).</summary>
public sealed record S3ObjectEntry
{
    public required string Key { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The ETag, quoted as S3 writes it.</summary>
    public required string ETag { get; init; }

    public required long Size { get; init; }

    public string StorageClass { get; init; } = "STANDARD";

    /// <summary>Written when not null (ListObjects v1 always has it; v2 only with fetch-owner=true).</summary>
    public S3Owner? Owner { get; init; }
}
