using System.Text;
using System.Xml;

namespace S3.Protocol.Xml;

/// <summary>
/// Creates the XmlWriter every S3 document is written with, so all of them share one declaration, encoding and
/// asynchronous mode (ASP.NET Core response bodies refuse synchronous writes).
/// </summary>
internal static class S3XmlDocumentWriter
{
    /// <summary>The namespace of S3's response documents.</summary>
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly XmlWriterSettings s_settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // S3 writes the declaration with an upper-case encoding name, which XmlWriter's own declaration does not.
        OmitXmlDeclaration = true,
        Indent = false,
        CloseOutput = false,
    };

    /// <summary>Opens a writer on output and writes the XML declaration.</summary>
    public static async Task<XmlWriter> CreateAsync(Stream output)
    {
        var writer = XmlWriter.Create(output, s_settings);
        await writer.WriteRawAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").ConfigureAwait(false);
        return writer;
    }
}
