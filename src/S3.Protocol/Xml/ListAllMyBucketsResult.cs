namespace S3.Protocol.Xml;

/// <summary>The answer to ListBuckets (GET /).</summary>
public sealed class ListAllMyBucketsResult : S3XmlDocument
{
    public required S3Owner Owner { get; init; }

    public required IReadOnlyList<S3BucketEntry> Buckets { get; init; }

    protected override string RootElement => "ListAllMyBucketsResult";

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        await writer.OwnerAsync("Owner", Owner).ConfigureAwait(false);
        await writer.StartElementAsync("Buckets").ConfigureAwait(false);
        foreach (var bucket in Buckets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Bucket").ConfigureAwait(false);
            await writer.ElementAsync("Name", bucket.Name).ConfigureAwait(false);
            await writer.ElementAsync("CreationDate", bucket.CreationDate).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }

        await writer.EndElementAsync().ConfigureAwait(false);
    }
}
