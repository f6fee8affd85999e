using Microsoft.AspNetCore.Http;

namespace S3.Protocol.Xml;

/// <summary>A response document of the S3 API, written in S3's namespace.</summary>
public abstract class S3XmlDocument
{
    /// <summary>The name of the root element.</summary>
    protected abstract string RootElement { get; }

    /// <summary>True when listing values are URL-encoded (the request carried encoding-type=url).</summary>
    protected virtual bool UrlEncodeValues => false;

    /// <summary>Writes the elements inside the root.</summary>
    protected abstract Task WriteContentAsync(S3XmlWriter writer, CancellationToken cancellationToken);

    /// <summary>Writes the document, XML declaration included, to output.</summary>
    public async Task WriteToAsync(Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var xml = await S3XmlDocumentWriter.CreateAsync(output).ConfigureAwait(false);
        await using (xml.ConfigureAwait(false))
        {
            var writer = new S3XmlWriter(xml, UrlEncodeValues);
            await writer.StartElementAsync(RootElement).ConfigureAwait(false);
            await WriteContentAsync(writer, cancellationToken).ConfigureAwait(false);
            await writer.EndElementAsync().ConfigureAwait(false);
            await xml.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sets Content-Type: application/xml and writes the document as the response body.</summary>
    public Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = "application/xml";
        return WriteToAsync(response.Body, cancellationToken);
    }

    /// <summary>The document as UTF-8 text.</summary>
    public async Task<string> ToXmlStringAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
