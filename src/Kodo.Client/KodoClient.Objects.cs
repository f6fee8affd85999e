using System.Globalization;
using System.Text;
using Kodo.Client.Json;
using Kodo.Protocol;
using Kodo.Protocol.Auth;

namespace Kodo.Client;

/// <summary>The rs and rsf calls: stat, list, delete, batch delete, copy and move.</summary>
public sealed partial class KodoClient
{
    /// <summary>Kodo accepts at most this many ops in one /batch.</summary>
    public const int MaxBatchOperations = 1000;

    /// <summary>Kodo's largest list page.</summary>
    public const int MaxListLimit = 1000;

    private const int NoSuchEntry = 612;
    private const int EntryExists = 614;

    /// <summary>Describes <paramref name="key"/>, or returns null when it does not exist (612).</summary>
    /// <exception cref="KodoException">Any other failure: credentials, network, timeout, server error.</exception>
    public async Task<KodoObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Operation = "stat";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = "/stat/" + EncodedEntryUri.Encode(_options.Bucket, key);
        return await ExecuteAsync(Operation, key, async token =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Get, endpoints.Rs, path, null), token).ConfigureAwait(false);
            if (response.Status == NoSuchEntry)
            {
                return null;
            }

            ThrowIfFailed(Operation, key, response);
            return Parse(Operation, key, response, KodoClientJsonContext.Default.StatResponse).ToInfo(key);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists one page of keys under <paramref name="prefix"/>, folding keys at <paramref name="delimiter"/> into
    /// common prefixes. Null or empty arguments are left out of the query. Page on with the returned marker until it
    /// is null: a page may be empty while more keys follow.
    /// </summary>
    public async Task<KodoListPage> ListAsync(
        string? prefix = null, string? delimiter = null, string? marker = null, int limit = MaxListLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxListLimit);
        const string Operation = "list";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var query = new StringBuilder("/list?bucket=").Append(Uri.EscapeDataString(_options.Bucket));
        AppendParameter(query, "marker", marker);
        AppendParameter(query, "limit", limit.ToString(CultureInfo.InvariantCulture));
        AppendParameter(query, "prefix", prefix);
        AppendParameter(query, "delimiter", delimiter);
        var pathAndQuery = query.ToString();
        var answer = await ExecuteAsync(Operation, prefix, async token =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Get, endpoints.Rsf, pathAndQuery, null), token).ConfigureAwait(false);
            ThrowIfFailed(Operation, prefix, response);
            return Parse(Operation, prefix, response, KodoClientJsonContext.Default.ListResponse);
        }, cancellationToken).ConfigureAwait(false);

        var items = new List<KodoObjectInfo>(answer.Items?.Count ?? 0);
        foreach (var item in answer.Items ?? [])
        {
            // Defect K10: a null item or key must not leave holes (or nulls) in the page.
            if (item?.Key is { } itemKey)
            {
                items.Add(item.ToInfo(itemKey));
            }
        }

        var prefixes = answer.CommonPrefixes?.Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToList() ?? [];
        return new KodoListPage(items, prefixes, string.IsNullOrEmpty(answer.Marker) ? null : answer.Marker);
    }

    /// <summary>Deletes <paramref name="key"/>; false when it did not exist (612).</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Operation = "delete";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = "/delete/" + EncodedEntryUri.Encode(_options.Bucket, key);
        return await ExecuteAsync(Operation, key, async token =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Post, endpoints.Rs, path, []), token).ConfigureAwait(false);
            if (response.Status == NoSuchEntry)
            {
                return false;
            }

            ThrowIfFailed(Operation, key, response);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes <paramref name="keys"/> through /batch, at most <see cref="MaxBatchOperations"/> per request, and
    /// reports each key's outcome in order. A key that was already gone (612) is reported, not thrown; a request
    /// that fails as a whole throws.
    /// </summary>
    public async Task<IReadOnlyList<KodoDeleteResult>> DeleteManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        const string Operation = "batch delete";
        var all = keys.ToList();
        if (all.Contains(null!))
        {
            throw new ArgumentException("A key is null.", nameof(keys));
        }

        var results = new List<KodoDeleteResult>(all.Count);
        if (all.Count == 0)
        {
            return results;
        }

        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in all.Chunk(MaxBatchOperations))
        {
            var body = new StringBuilder();
            foreach (var key in chunk)
            {
                body.Append(body.Length == 0 ? "op=" : "&op=").Append(Uri.EscapeDataString("/delete/" + EncodedEntryUri.Encode(_options.Bucket, key)));
            }

            var form = Encoding.ASCII.GetBytes(body.ToString());
            var answer = await ExecuteAsync(Operation, null, async token =>
            {
                var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Post, endpoints.Rs, "/batch", form), token).ConfigureAwait(false);
                ThrowIfFailed(Operation, null, response);
                var items = Parse(Operation, null, response, KodoClientJsonContext.Default.ListBatchItemResponse);
                return items.Count == chunk.Length
                    ? items
                    : throw KodoException.Protocol(Operation, null, "the answer does not have one result per key.");
            }, cancellationToken).ConfigureAwait(false);

            for (var i = 0; i < chunk.Length; i++)
            {
                var item = answer[i];
                results.Add(new KodoDeleteResult(chunk[i], item.Code, item.Code == 200 ? null : item.Data?.Error));
            }
        }

        return results;
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/>. Returns false when the destination exists
    /// and <paramref name="force"/> is false (614).
    /// </summary>
    /// <exception cref="KodoException">The source does not exist (<see cref="KodoException.IsNotFound"/>), or any other failure.</exception>
    public Task<bool> CopyAsync(string source, string destination, bool force = false, CancellationToken cancellationToken = default) =>
        CopyOrMoveAsync("copy", source, destination, force, cancellationToken);

    /// <summary>
    /// Moves <paramref name="source"/> to <paramref name="destination"/>. Returns false when the destination exists
    /// and <paramref name="force"/> is false (614).
    /// </summary>
    /// <exception cref="KodoException">The source does not exist (<see cref="KodoException.IsNotFound"/>), or any other failure.</exception>
    public Task<bool> MoveAsync(string source, string destination, bool force = false, CancellationToken cancellationToken = default) =>
        CopyOrMoveAsync("move", source, destination, force, cancellationToken);

    private async Task<bool> CopyOrMoveAsync(string operation, string source, string destination, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = "/" + operation + "/" + EncodedEntryUri.Encode(_options.Bucket, source) + "/"
            + EncodedEntryUri.Encode(_options.Bucket, destination) + "/force/" + (force ? "true" : "false");
        return await ExecuteAsync(operation, source, async token =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Post, endpoints.Rs, path, []), token).ConfigureAwait(false);
            if (response.Status == EntryExists && !force)
            {
                return false;
            }

            ThrowIfFailed(operation, source, response);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A management request signed with QBox. The URI is built first and the signature covers its path and query as
    /// they go on the wire, so nothing is signed in one escaping and sent in another.
    /// </summary>
    private HttpRequestMessage CreateManagementRequest(HttpMethod method, Uri baseUri, string pathAndQuery, byte[]? formBody)
    {
        var uri = KodoEndpoint.Combine(baseUri, pathAndQuery);
        var wire = uri.PathAndQuery;
        var question = wire.IndexOf('?', StringComparison.Ordinal);
        var signed = new ManagementRequest
        {
            Method = method.Method,
            Path = question < 0 ? wire : wire[..question],
            Query = question < 0 ? null : wire[(question + 1)..],
            Host = uri.Authority,
            ContentType = formBody is null ? null : ManagementRequest.FormContentType,
            Body = formBody,
        };
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("Authorization", QBoxSignature.CreateAuthorization(_credentials, signed));
        if (formBody is not null)
        {
            request.Content = new ByteArrayContent(formBody);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ManagementRequest.FormContentType);
        }

        return request;
    }

    private static void AppendParameter(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
