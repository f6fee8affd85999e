using System.Xml;
using Microsoft.AspNetCore.Http;
using S3.Protocol.Xml;

namespace S3.Protocol.Errors;

/// <summary>Writes an <see cref="S3Exception"/> as S3's Error document.</summary>
public static class S3ErrorResponse
{
    /// <summary>The header that carries the request id on every S3 response.</summary>
    public const string RequestIdHeader = "x-amz-request-id";

    /// <summary>
    /// Sets the status, Content-Type and x-amz-request-id and writes the Error document; a HEAD response gets
    /// the status and headers only, as S3 sends. The response must not have started.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, S3Exception error, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(requestId);

        var response = context.Response;
        response.StatusCode = error.Error.HttpStatus;
        response.ContentType = "application/xml";
        response.Headers[RequestIdHeader] = requestId;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // The document is small; rendering it first lets the response carry its Content-Length.
        var body = await RenderAsync(error, requestId).ConfigureAwait(false);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders the Error document as UTF-8 bytes.</summary>
    public static async Task<byte[]> RenderAsync(S3Exception error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var buffer = new MemoryStream();
        var writer = await S3XmlDocumentWriter.CreateAsync(buffer).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            // S3's Error document carries no namespace.
            await writer.WriteStartElementAsync(null, "Error", null).ConfigureAwait(false);
            await WriteTextElementAsync(writer, "Code", error.Error.Code).ConfigureAwait(false);
            await WriteTextElementAsync(writer, "Message", error.Message).ConfigureAwait(false);
            foreach (var (name, value) in error.Details)
            {
                await WriteTextElementAsync(writer, name, value).ConfigureAwait(false);
            }

            if (error.Resource is not null)
            {
                await WriteTextElementAsync(writer, "Resource", error.Resource).ConfigureAwait(false);
            }

            await WriteTextElementAsync(writer, "RequestId", requestId).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }

        return buffer.ToArray();
    }

    private static Task WriteTextElementAsync(XmlWriter writer, string name, string value) =>
        writer.WriteElementStringAsync(null, name, null, value);
}
