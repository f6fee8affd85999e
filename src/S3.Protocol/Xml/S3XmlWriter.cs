using System.Globalization;
using System.Xml;

namespace S3.Protocol.Xml;

/// <summary>
/// Writes the elements of an S3 response document in S3's namespace, with S3's forms of values: ISO 8601 times
/// with milliseconds, lower-case booleans, and listing values URL-encoded when the request asked for
/// encoding-type=url.
/// </summary>
public sealed class S3XmlWriter
{
    private readonly XmlWriter _writer;

    internal S3XmlWriter(XmlWriter writer, bool urlEncodeValues)
    {
        _writer = writer;
        UrlEncodeValues = urlEncodeValues;
    }

    /// <summary>True when listing values (keys, prefixes, delimiters, markers) are written URL-encoded.</summary>
    public bool UrlEncodeValues { get; }

    public Task StartElementAsync(string name) => _writer.WriteStartElementAsync(null, name, S3XmlDocumentWriter.Namespace);

    public Task EndElementAsync() => _writer.WriteEndElementAsync();

    /// <summary>Writes text inside the current element.</summary>
    public Task TextAsync(string text) => _writer.WriteStringAsync(text);

    /// <summary>Writes a text element; nothing when value is null.</summary>
    public Task ElementAsync(string name, string? value) =>
        value is null ? Task.CompletedTask : _writer.WriteElementStringAsync(null, name, S3XmlDocumentWriter.Namespace, value);

    public Task ElementAsync(string name, long value) => ElementAsync(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a number element; nothing when value is null.</summary>
    public Task ElementAsync(string name, long? value) => value is { } number ? ElementAsync(name, number) : Task.CompletedTask;

    public Task ElementAsync(string name, bool value) => ElementAsync(name, value ? "true" : "false");

    public Task ElementAsync(string name, DateTimeOffset value) => ElementAsync(name, S3Timestamp.FormatIso8601(value));

    /// <summary>Writes a listing value (key, prefix, delimiter, marker), URL-encoded when asked; nothing when null.</summary>
    public Task ListingValueAsync(string name, string? value) =>
        ElementAsync(name, value is not null && UrlEncodeValues ? S3UriEncoding.Encode(value, encodeSlash: false) : value);

    /// <summary>Writes an Owner, Initiator or similar element of an ID and a DisplayName; nothing when null.</summary>
    public async Task OwnerAsync(string name, S3Owner? owner)
    {
        if (owner is null)
        {
            return;
        }

        await StartElementAsync(name).ConfigureAwait(false);
        await ElementAsync("ID", owner.Id).ConfigureAwait(false);
        await ElementAsync("DisplayName", owner.DisplayName).ConfigureAwait(false);
        await EndElementAsync().ConfigureAwait(false);
    }

    /// <summary>Writes a CommonPrefixes element for each prefix.</summary>
    public async Task CommonPrefixesAsync(IEnumerable<string> prefixes, CancellationToken cancellationToken)
    {
        foreach (var prefix in prefixes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await StartElementAsync("CommonPrefixes").ConfigureAwait(false);
            await ListingValueAsync("Prefix", prefix).ConfigureAwait(false);
            await EndElementAsync().ConfigureAwait(false);
        }
    }
}
