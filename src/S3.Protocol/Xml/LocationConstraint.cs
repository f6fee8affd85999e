namespace S3.Protocol.Xml;

/// <summary>The answer to GetBucketLocation (GET ?location); us-east-1 is written as an empty constraint, as S3 does.</summary>
public sealed class LocationConstraint : S3XmlDocument
{
    public string? Region { get; init; }

    protected override string RootElement => "LocationConstraint";

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Region) && Region != "us-east-1")
        {
            await writer.TextAsync(Region).ConfigureAwait(false);
        }
    }
}
