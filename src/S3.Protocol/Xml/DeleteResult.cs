namespace S3.Protocol.Xml;

/// <summary>The answer to DeleteObjects (POST ?delete); in quiet mode Deleted is left empty.</summary>
public sealed class DeleteResult : S3XmlDocument
{
    public IReadOnlyList<S3DeletedObject> Deleted { get; init; } = [];

    public IReadOnlyList<S3DeleteError> Errors { get; init; } = [];

    protected override string RootElement => "DeleteResult";

    protected override async Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken)
    {
        foreach (var deleted in Deleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Deleted").ConfigureAwait(false);
            await writer.ElementAsync("Key", deleted.Key).ConfigureAwait(false);
            await writer.ElementAsync("VersionId", deleted.VersionId).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }

        foreach (var error in Errors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.StartElementAsync("Error").ConfigureAwait(false);
            await writer.ElementAsync("Key", error.Key).ConfigureAwait(false);
            await writer.ElementAsync("VersionId", error.VersionId).ConfigureAwait(false);
            await writer.ElementAsync("Code", error.Code).ConfigureAwait(false);
            await writer.ElementAsync("Message", error.Message).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
        }
    }
}
