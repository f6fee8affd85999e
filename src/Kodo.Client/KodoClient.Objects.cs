using System.Globalization;
using System.Text;
using Kodo.Client.Json;
using Kodo.Protocol;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;

namespace Kodo.Client;

/// <summary>The rs and rsf calls: stat, list, delete, batch delete, copy and move.</summary>
public sealed partial class KodoClient
{
    /// <summary>Kodo accepts at most this many ops in one /batch.</summary>
    public const int MaxBatchOperations = 1000;

    /// <summary>Kodo's largest list page.</summary>
    public const int MaxListLimit = 1000;

    /// <summary>Describes <paramref name="key"/>, or returns null when it does not exist (612).</summary>
    /// <exception cref="KodoException">Any other failure: credentials, network, timeout, server error.</exception>
    public async Task<KodoObjectInfo?> StatAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Operation = "stat";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = "/stat/" + EncodedEntryUri.Encode(_options.Bucket, key);
        return await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Get, attempt.Use(endpoints.Rs), path, null), token).ConfigureAwait(false);
            if (response.Status == (int)KodoStatusCode.NoSuchEntry)
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
        var answer = await ExecuteAsync(Operation, prefix, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Get, attempt.Use(endpoints.Rsf), pathAndQuery, null), token).ConfigureAwait(false);
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

    /// <summary>
    /// Deletes <paramref name="key"/>; false when it did not exist (612). After an attempt whose outcome is unknown
    /// (its answer was lost), 612 means that attempt deleted it, so the answer is true.
    /// </summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string Operation = "delete";
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = "/delete/" + EncodedEntryUri.Encode(_options.Bucket, key);
        return await ExecuteAsync(Operation, key, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Post, attempt.Use(endpoints.Rs), path, []), token).ConfigureAwait(false);
            if (response.Status == (int)KodoStatusCode.NoSuchEntry)
            {
                return attempt.IsRetry;
            }

            ThrowIfFailed(Operation, key, response);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes <paramref name="keys"/> through /batch, at most <see cref="MaxBatchOperations"/> per request with the
    /// requests in parallel (within the client's request limit), and reports each key's outcome in order. A key that
    /// was already gone (612) is reported, not thrown; after an attempt whose answer was lost, 612 counts as deleted
    /// by that attempt. A request that fails as a whole throws.
    /// </summary>
    public async Task<IReadOnlyList<KodoDeleteResult>> DeleteManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var all = keys.ToList();
        if (all.Contains(null!))
        {
            throw new ArgumentException("A key is null.", nameof(keys));
        }

        if (all.Count == 0)
        {
            return [];
        }

        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var chunks = await Task.WhenAll(all.Chunk(MaxBatchOperations).Select(chunk => DeleteBatchAsync(endpoints, chunk, cancellationToken))).ConfigureAwait(false);
        return [.. chunks.SelectMany(c => c)];
    }

    private async Task<IReadOnlyList<KodoDeleteResult>> DeleteBatchAsync(ServiceEndpoints endpoints, string[] chunk, CancellationToken cancellationToken)
    {
        const string Operation = "batch delete";
        var body = new StringBuilder();
        foreach (var key in chunk)
        {
            body.Append(body.Length == 0 ? "op=" : "&op=").Append(Uri.EscapeDataString("/delete/" + EncodedEntryUri.Encode(_options.Bucket, key)));
        }

        var form = Encoding.ASCII.GetBytes(body.ToString());
        return await ExecuteAsync(Operation, null, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Post, attempt.Use(endpoints.Rs), "/batch", form), token).ConfigureAwait(false);
            ThrowIfFailed(Operation, null, response);
            var items = Parse(Operation, null, response, KodoClientJsonContext.Default.ListBatchItemResponse);
            if (items.Count != chunk.Length)
            {
                throw KodoException.Protocol(Operation, null, "the answer does not have one result per key.");
            }

            var results = new KodoDeleteResult[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                var code = items[i].Code;
                results[i] = attempt.IsRetry && code == (int)KodoStatusCode.NoSuchEntry
                    ? new KodoDeleteResult(chunk[i], (int)KodoStatusCode.Ok, null)
                    : new KodoDeleteResult(chunk[i], code, code == (int)KodoStatusCode.Ok ? null : items[i].ErrorText);
            }

            return results;
        }, cancellationToken).ConfigureAwait(false);
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

    /// <remarks>
    /// Copy and move are not idempotent. After an attempt whose answer was lost, "exists" (614) or, for a move, "no
    /// such entry" (612) may be that attempt's own success: the answer is then checked against the objects (the
    /// destination carries the source's hash, or the moved source is gone and the destination is there).
    /// </remarks>
    private async Task<bool> CopyOrMoveAsync(string operation, string source, string destination, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var endpoints = await GetEndpointsAsync(cancellationToken).ConfigureAwait(false);
        var path = "/" + operation + "/" + EncodedEntryUri.Encode(_options.Bucket, source) + "/"
            + EncodedEntryUri.Encode(_options.Bucket, destination) + "/force/" + (force ? "true" : "false");
        var isMove = operation == "move";
        return await ExecuteAsync(operation, source, async (attempt, token) =>
        {
            var response = await SendBufferedAsync(() => CreateManagementRequest(HttpMethod.Post, attempt.Use(endpoints.Rs), path, []), token).ConfigureAwait(false);
            var outcome = (KodoStatusCode)response.Status;
            if (attempt.IsRetry && (outcome == KodoStatusCode.EntryExists || (isMove && outcome == KodoStatusCode.NoSuchEntry))
                && await EarlierAttemptLandedAsync(source, destination, isMove, token).ConfigureAwait(false))
            {
                return true;
            }

            if (outcome == KodoStatusCode.EntryExists && !force)
            {
                return false;
            }

            ThrowIfFailed(operation, source, response);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a copy or move of <paramref name="source"/> whose answer was lost did take effect.</summary>
    private async Task<bool> EarlierAttemptLandedAsync(string source, string destination, bool isMove, CancellationToken cancellationToken)
    {
        var from = StatAsync(source, cancellationToken);
        var to = StatAsync(destination, cancellationToken);
        await Task.WhenAll(from, to).ConfigureAwait(false);
        var copy = await to.ConfigureAwait(false);
        var original = await from.ConfigureAwait(false);
        if (copy is null)
        {
            return false;
        }


        // A move landed when its source is gone; a copy when the destination holds the source's content.
        return isMove ? original is null : original is not null && string.Equals(original.Hash, copy.Hash, StringComparison.Ordinal);
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
