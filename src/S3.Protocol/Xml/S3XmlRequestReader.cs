using System.Buffers;
using System.Xml;
using S3.Protocol.Errors;

namespace S3.Protocol.Xml;

/// <summary>
/// Reads a request body as XML, safely: the body is buffered up to a limit (request documents are small, and a
/// large one is refused before parsing), DTDs are refused so no entity can expand, and anything that is not
/// well-formed becomes MalformedXML.
/// </summary>
internal static class S3XmlRequestReader
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>
    /// Buffers the body and reads the root element's content with readRoot; an empty body (or only whitespace)
    /// gives emptyBody, or MalformedXML when that is null.
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        Stream body,
        string rootElement,
        int maxBytes,
        Func<XmlReader, Task<T>> readRoot,
        Func<T>? emptyBody,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = await BufferAsync(body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return emptyBody?.Invoke() ?? throw Malformed($"The request body must be a {rootElement} document.");
        }

        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), s_settings);
        try
        {
            await reader.MoveToContentAsync().ConfigureAwait(false);
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != rootElement)
            {
                throw Malformed($"The root element must be {rootElement}, not {reader.LocalName}.");
            }

            var result = await readRoot(reader).ConfigureAwait(false);
            // Read to the end so that anything malformed after the root is still found.
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
            }

            return result;
        }
        catch (XmlException e)
        {
            throw new S3Exception(S3ErrorCode.MalformedXML, innerException: e);
        }
    }

    /// <summary>
    /// Calls readChild for each child element of the element the reader is on, with the child's local name;
    /// readChild must consume the child (read its text or skip it). Text between child elements is malformed.
    /// </summary>
    public static async Task ForEachChildAsync(XmlReader reader, Func<string, Task> readChild)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            return;
        }

        await reader.ReadAsync().ConfigureAwait(false);
        while (true)
        {
            switch (await reader.MoveToContentAsync().ConfigureAwait(false))
            {
                case XmlNodeType.Element:
                    await readChild(reader.LocalName).ConfigureAwait(false);
                    break;
                case XmlNodeType.EndElement:
                    await reader.ReadAsync().ConfigureAwait(false);
                    return;
                default:
                    throw Malformed($"Unexpected {reader.NodeType} where elements were expected.");
            }
        }
    }

    /// <summary>Reads the text of the element the reader is on, and moves past it.</summary>
    public static Task<string> ReadTextAsync(XmlReader reader) => reader.ReadElementContentAsStringAsync();

    /// <summary>Skips the element the reader is on, whatever it holds.</summary>
    public static Task SkipAsync(XmlReader reader) => reader.SkipAsync();

    /// <summary>Throws MalformedXML when a value that may appear once is given again.</summary>
    public static string Once(string? current, string value, string elementName) =>
        current is null ? value : throw Malformed($"{elementName} may be given only once.");

    public static S3Exception Malformed(string detail) =>
        new(S3ErrorCode.MalformedXML, $"{S3ErrorCode.MalformedXML.Description} {detail}");

    private static async Task<byte[]> BufferAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffered = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffered.Length + read > maxBytes)
                {
                    throw Malformed($"The document is larger than the {maxBytes} bytes accepted.");
                }

                buffered.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return buffered.ToArray();
    }
}
