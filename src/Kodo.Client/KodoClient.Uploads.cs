using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Kodo.Client.Json;
using Kodo.Protocol;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;

namespace Kodo.Client;

/// <summary>Uploads: one-shot form uploads and the steps of a v2 multipart upload.</summary>
public sealed partial class KodoClient
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>
    /// Uploads <paramref name="content"/> as <paramref name="key"/> in one form upload, replacing any existing object.
    /// The form carries the content's CRC32, so Kodo rejects a body corrupted on the way (406).
    /// </summary>
    public async Task<KodoPutResult> PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Operation = "form upload";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var crc = KodoCrc32.Format(KodoCrc32.Compute(content.Span));
        return await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateFormUpload(attempt.Use(endpoints.Up), key, content, crc), token).ConfigureAwait(false);
            ThrowIfFailed(Operation, key, response);
            var put = Parse(Operation, key, response, KodoClientJsonContext.Default.PutResponse);
            return new KodoPutResult(put.Hash ?? "", put.Key ?? key);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a write-only stream that creates <paramref name="key"/> when it is completed or disposed: small objects
    /// go up in one form upload, larger ones as a multipart upload whose parts leave while the caller writes. A
    /// stream that is dropped without being disposed creates nothing.
    /// </summary>
    public KodoUploadStream OpenWrite(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new KodoUploadStream(this, key);
    }

    /// <summary>Starts a v2 multipart upload of <paramref name="key"/> and returns its upload id.</summary>
    internal async Task<string> InitiateMultipartAsync(string key, CancellationToken cancellationToken)
    {
        const string Operation = "multipart initiate";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = MultipartPath(key);
        return await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateUploadRequest(HttpMethod.Post, attempt.Use(endpoints.Up), path, key), token).ConfigureAwait(false);
            ThrowIfFailed(Operation, key, response);
            var answer = Parse(Operation, key, response, KodoClientJsonContext.Default.InitiateUploadResponse);
            return string.IsNullOrEmpty(answer.UploadId)
                ? throw KodoException.Protocol(Operation, key, "the answer has no uploadId.")
                : answer.UploadId;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads one part from memory (so every retry resends the same bytes) and returns its etag.</summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Kodo's part Content-MD5 is an integrity check defined by the protocol, not a security measure.")]
    internal async Task<string> UploadPartAsync(string key, string uploadId, int partNumber, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        const string Operation = "multipart part upload";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = MultipartPath(key) + "/" + Uri.EscapeDataString(uploadId) + "/" + partNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var md5 = Convert.ToHexStringLower(MD5.HashData(content.Span));
        return await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() =>
            {
                var request = CreateUploadRequest(HttpMethod.Put, attempt.Use(endpoints.Up), path, key);
                request.Content = new ReadOnlyMemoryContent(content);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
                request.Content.Headers.TryAddWithoutValidation("Content-MD5", md5);
                return request;
            }, token).ConfigureAwait(false);
            ThrowIfFailed(Operation, key, response);
            var answer = Parse(Operation, key, response, KodoClientJsonContext.Default.UploadPartResponse);
            if (answer.Md5 is { Length: > 0 } echoed && !string.Equals(echoed, md5, StringComparison.OrdinalIgnoreCase))
            {
                throw KodoException.Protocol(Operation, key, $"part {partNumber} arrived corrupted (md5 mismatch).");
            }

            return string.IsNullOrEmpty(answer.Etag)
                ? throw KodoException.Protocol(Operation, key, "the answer has no etag.")
                : answer.Etag;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes a multipart upload from its parts, which must be in ascending part-number order.</summary>
    internal async Task<KodoPutResult> CompleteMultipartAsync(string key, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken)
    {
        const string Operation = "multipart complete";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = MultipartPath(key) + "/" + Uri.EscapeDataString(uploadId);
        var body = JsonSerializer.SerializeToUtf8Bytes(new CompleteUploadRequest { Parts = [.. parts] }, KodoClientJsonContext.Default.CompleteUploadRequest);
        return await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() =>
            {
                var request = CreateUploadRequest(HttpMethod.Post, attempt.Use(endpoints.Up), path, key);
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return request;
            }, token).ConfigureAwait(false);
            if (attempt.IsRetry && response.Status == (int)KodoStatusCode.NoSuchEntry
                && await CompletedEarlierAsync(key, parts, token).ConfigureAwait(false) is { } earlier)
            {
                // The lost answer was a success: the upload id is gone because the object was made from these parts.
                return earlier;
            }

            ThrowIfFailed(Operation, key, response);
            var put = Parse(Operation, key, response, KodoClientJsonContext.Default.PutResponse);
            return new KodoPutResult(put.Hash ?? "", put.Key ?? key);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The object at <paramref name="key"/> when its hash is the one these parts make, else null.</summary>
    private async Task<KodoPutResult?> CompletedEarlierAsync(string key, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken)
    {
        if (await StatAsync(key, cancellationToken).ConfigureAwait(false) is not { } info)
        {
            return null;
        }

        var expected = EtagV2.Compute([.. parts.Select(p => new PartEtag(p.Size, p.Etag))]);
        return string.Equals(info.Hash, expected, StringComparison.Ordinal) ? new KodoPutResult(info.Hash, key) : null;
    }

    /// <summary>Aborts a multipart upload; an upload that is already gone (612) counts as aborted.</summary>
    internal async Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        const string Operation = "multipart abort";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = MultipartPath(key) + "/" + Uri.EscapeDataString(uploadId);
        await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateUploadRequest(HttpMethod.Delete, attempt.Use(endpoints.Up), path, key), token).ConfigureAwait(false);
            if (response.Status != (int)KodoStatusCode.NoSuchEntry)
            {
                ThrowIfFailed(Operation, key, response);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A fresh upload token for <paramref name="key"/> (scope bucket:key, so overwriting is allowed), valid one hour.</summary>
    private string CreateUploadToken(string key) =>
        UploadToken.Create(_credentials, PutPolicy.ForScope(_options.Bucket, key, Now + TokenLifetime));

    private HttpRequestMessage CreateFormUpload(Uri up, string key, ReadOnlyMemory<byte> content, string crc)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(CreateUploadToken(key)), "token" },
            { new StringContent(key), "key" },
            { new StringContent(crc), "crc32" },
        };
        var file = new ReadOnlyMemoryContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
        form.Add(file, "file", "file");
        return new HttpRequestMessage(HttpMethod.Post, KodoEndpoint.Combine(up, "/")) { Content = form };
    }

    private HttpRequestMessage CreateUploadRequest(HttpMethod method, Uri up, string path, string key)
    {
        var request = new HttpRequestMessage(method, KodoEndpoint.Combine(up, path));
        request.Headers.TryAddWithoutValidation("Authorization", "UpToken " + CreateUploadToken(key));
        return request;
    }

    private string MultipartPath(string key) =>
        "/buckets/" + Uri.EscapeDataString(_options.Bucket) + "/objects/" + (key.Length == 0 ? "" : UrlSafeBase64.EncodeString(key)) + "/uploads";
}
