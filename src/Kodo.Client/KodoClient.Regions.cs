using Kodo.Client.Json;

namespace Kodo.Client;

/// <summary>Host discovery: configured up/rs/rsf hosts win; the rest come from uc's /v4/query, cached for its ttl.</summary>
public sealed partial class KodoClient
{
    /// <summary>The shortest time an answer of uc is kept, whatever ttl it states.</summary>
    private static readonly TimeSpan s_minimumTtl = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _regionGate = new(1, 1);
    private volatile ServiceEndpoints? _endpoints;

    /// <summary>The bucket's up, rs and rsf hosts, asking uc at most once per ttl however many calls need them.</summary>
    internal async Task<ServiceEndpoints> GetEndpointsAsync(CancellationToken cancellationToken)
    {
        var endpoints = _endpoints;
        if (endpoints is not null && endpoints.ExpiresAt > Now)
        {
            return endpoints;
        }

        if (_options.UpEndpoint is { } up && _options.RsEndpoint is { } rs && _options.RsfEndpoint is { } rsf)
        {
            endpoints = new ServiceEndpoints(
                KodoEndpoint.Parse(up, Uri.UriSchemeHttps),
                KodoEndpoint.Parse(rs, Uri.UriSchemeHttps),
                KodoEndpoint.Parse(rsf, Uri.UriSchemeHttps),
                DateTimeOffset.MaxValue);
            _endpoints = endpoints;
            return endpoints;
        }

        await _regionGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            endpoints = _endpoints;
            if (endpoints is not null && endpoints.ExpiresAt > Now)
            {
                return endpoints;
            }

            endpoints = await QueryRegionAsync(cancellationToken).ConfigureAwait(false);
            _endpoints = endpoints;
            return endpoints;
        }
        finally
        {
            _regionGate.Release();
        }
    }

    private async Task<ServiceEndpoints> QueryRegionAsync(CancellationToken cancellationToken)
    {
        const string Operation = "region query";
        var uc = KodoEndpoint.Parse(_options.UcEndpoint, Uri.UriSchemeHttps);
        var uri = KodoEndpoint.Combine(
            uc, "/v4/query?ak=" + Uri.EscapeDataString(_options.AccessKey) + "&bucket=" + Uri.EscapeDataString(_options.Bucket));
        var answer = await ExecuteAsync(Operation, null, async token =>
        {
            var response = await SendBufferedAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), token).ConfigureAwait(false);
            ThrowIfFailed(Operation, null, response);
            return Parse(Operation, null, response, KodoClientJsonContext.Default.RegionQueryResponse);
        }, cancellationToken).ConfigureAwait(false);

        var region = answer.Hosts?.FirstOrDefault()
            ?? throw KodoException.Protocol(Operation, null, "uc named no region for the bucket.");

        // Domains come without a scheme: they use the uc endpoint's, as the SDKs do.
        Uri Pick(string? configured, ServiceDomains? service, string name) =>
            configured is not null
                ? KodoEndpoint.Parse(configured, Uri.UriSchemeHttps)
                : service?.Domains?.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) is { } domain
                    ? KodoEndpoint.Parse(domain, uc.Scheme)
                    : throw KodoException.Protocol(Operation, null, $"uc named no {name} host for the bucket.");

        var ttl = TimeSpan.FromSeconds(Math.Max(region.Ttl, 0));
        var endpoints = new ServiceEndpoints(
            Pick(_options.UpEndpoint, region.Up, "up"),
            Pick(_options.RsEndpoint, region.Rs, "rs"),
            Pick(_options.RsfEndpoint, region.Rsf, "rsf"),
            Now + (ttl < s_minimumTtl ? s_minimumTtl : ttl));
        Log.RegionResolved(_logger, _options.Bucket, endpoints.Up.Authority, endpoints.Rs.Authority, endpoints.Rsf.Authority, (long)ttl.TotalSeconds);
        return endpoints;
    }
}
