using System.Globalization;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol.Errors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kodo.Emulator.Uploads;

/// <summary>
/// Form upload: POST / with multipart/form-data. Fields may come in any order (Java sends the file first, Node
/// the crc32 last), so the file streams into a staged blob and everything is checked once the form is read.
/// </summary>
internal sealed class FormUploadService(EmulatorState state, UploadFinisher finisher)
{
    /// <summary>The largest object a form upload may carry.</summary>
    public const long MaxFileBytes = 1L << 30;

    private const int MaxFieldBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext context, FaultDecision fault)
    {
        var boundary = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary) || type?.MediaType.Value?.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        StagedBlob? file = null;
        try
        {
            string? fileName = null;
            string? fileType = null;
            var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = MaxFieldBytes };
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || disposition.Name.Value is not { } rawName)
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(rawName).Value!;
                if (name == "file" && file is null)
                {
                    file = state.Store.Stage();
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    fileType = section.ContentType;
                    if (!await file.AppendAsync(section.Body, MaxFileBytes, fault.Throttle, context.RequestAborted))
                    {
                        await KodoResponse.ErrorAsync(context, KodoStatusCode.EntityTooLarge, "file too large");
                        return;
                    }
                }
                else if (await ReadFieldAsync(section.Body, context.RequestAborted) is { } value)
                {
                    fields[name] = value;
                }
                else
                {
                    await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
                    return;
                }
            }

            await FinishAsync(context, fields, file, fileName, fileType);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
        }
        finally
        {
            // An upload that did not become an object leaves nothing behind.
            file?.Dispose();
        }
    }

    private async Task FinishAsync(HttpContext context, Dictionary<string, string> fields, StagedBlob? file, string? fileName, string? fileType)
    {
        if (await UploadAuth.AuthorizeAsync(context, state, fields.GetValueOrDefault("token")) is not { } grant)
        {
            return;
        }

        if (file is null)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, "file is not specified in multipart");
            return;
        }

        if (fields.TryGetValue("crc32", out var crcText)
            && (!uint.TryParse(crcText, NumberStyles.None, CultureInfo.InvariantCulture, out var crc) || crc != file.Digests.Crc32()))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.CrcMismatch, "crc32 not match");
            return;
        }

        var request = new UploadRequest(
            fields.TryGetValue("key", out var key) ? key : null,
            fileName,
            fileType,
            Prefixed(fields, "x-qn-meta-", strip: true),
            Prefixed(fields, "x:", strip: false));
        var md5 = file.Digests.Md5Hex();
        await finisher.FinishAsync(context, grant, request, file, file.Digests.Qetag(), md5);
    }

    private static Dictionary<string, string> Prefixed(Dictionary<string, string> fields, string prefix, bool strip) =>
        fields.Where(f => f.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && f.Value.Length > 0)
            .ToDictionary(f => strip ? f.Key[prefix.Length..] : f.Key, f => f.Value, StringComparer.Ordinal);

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
