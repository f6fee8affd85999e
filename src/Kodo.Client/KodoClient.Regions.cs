using Kodo.Client.Json;
using Kodo.Protocol.Errors;

namespace Kodo.Client;

/// <summary>Host discovery: configured up/rs/rsf hosts win; the rest come from uc's /v4/query, cached for its ttl.</summary>
public sealed partial class KodoClient
{
    /// <summary>The shortest time an answer of uc is kept, whatever ttl it states.</summary>
    private static readonly TimeSpan s_minimumTtl = TimeSpan.FromMinutes(1);

    /// <summary>Where the official SDKs look for a bucket's region when the default uc host does not answer.</summary>
    private static readonly Uri[] s_fallbackUcHosts = [new("https://kodo-config.qiniuapi.com"), new("https://uc.qbox.me")];

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
                Configured(KodoService.Up, up),
                Configured(KodoService.Rs, rs),
                Configured(KodoService.Rsf, rsf),
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

    /// <summary>
    /// Asks uc which hosts serve the bucket. The default uc host has the SDKs' fallbacks behind it; each uc host gets
    /// one connect timeout to answer, so a uc that accepts and never answers gives way to the next instead of
    /// holding the call for the whole request timeout.
    /// </summary>
    private async Task<ServiceEndpoints> QueryRegionAsync(CancellationToken cancellationToken)
    {
        const string Operation = "region query";
        var ucHosts = UcHosts();
        var query = "/v4/query?ak=" + Uri.EscapeDataString(_options.AccessKey) + "&bucket=" + Uri.EscapeDataString(_options.Bucket);
        Uri? answeredBy = null;
        var answer = await ExecuteAsync(Operation, null, async (attempt, token) =>
        {
            var uc = attempt.Use(ucHosts);
            var response = await SendBufferedAsync(() => new HttpRequestMessage(HttpMethod.Get, KodoEndpoint.Combine(uc, query)), token).ConfigureAwait(false);
            if (response.Status is (int)KodoStatusCode.NoSuchBucket or (int)KodoStatusCode.NoSuchEntry)
            {
                // uc answers the same for a bucket that does not exist and for an access key that does not own it.
                throw KodoException.FromResponse(Operation, null, response.Status, NoSuchBucketMeaning(), response.ReqId);
            }

            ThrowIfFailed(Operation, null, response);
            answeredBy = uc;
            return Parse(Operation, null, response, KodoClientJsonContext.Default.RegionQueryResponse);
        }, cancellationToken, deadline: _options.ConnectTimeout * ucHosts.Hosts.Count, attemptTimeout: _options.ConnectTimeout).ConfigureAwait(false);

        var region = answer.Hosts?.FirstOrDefault()
            ?? throw KodoException.Protocol(Operation, null, "uc named no region for the bucket.");

        // Domains come without a scheme: they use the scheme of the uc that answered, as the SDKs do.
        var scheme = answeredBy?.Scheme ?? Uri.UriSchemeHttps;
        HostList Hosts(KodoService service, string? configured, ServiceDomains? domains)
        {
            if (configured is not null)
            {
                return Configured(service, configured);
            }

            var listed = domains?.Domains?.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => KodoEndpoint.Parse(d, scheme)).ToList();
            return listed is { Count: > 0 }
                ? new HostList(service, listed)
                : throw KodoException.Protocol(Operation, null, $"uc named no {service.ToString().ToLowerInvariant()} host for the bucket.");
        }

        var ttl = TimeSpan.FromSeconds(Math.Max(region.Ttl, 0));
        var endpoints = new ServiceEndpoints(
            Hosts(KodoService.Up, _options.UpEndpoint, region.Up),
            Hosts(KodoService.Rs, _options.RsEndpoint, region.Rs),
            Hosts(KodoService.Rsf, _options.RsfEndpoint, region.Rsf),
            Now + (ttl < s_minimumTtl ? s_minimumTtl : ttl));
        Log.RegionResolved(_logger, _options.Bucket, endpoints.Up.Primary.Authority, endpoints.Rs.Primary.Authority, endpoints.Rsf.Primary.Authority, (long)ttl.TotalSeconds);
        return endpoints;
    }

    /// <summary>The configured uc host, or the default one followed by the hosts the official SDKs fall back to.</summary>
    private HostList UcHosts()
    {
        var configured = KodoEndpoint.Parse(_options.UcEndpoint, Uri.UriSchemeHttps);
        var isDefault = configured == KodoEndpoint.Parse(KodoClientOptions.DefaultUcEndpoint, Uri.UriSchemeHttps);
        return new HostList(KodoService.Uc, isDefault ? [configured, .. s_fallbackUcHosts] : [configured]);
    }

    private string NoSuchBucketMeaning() =>
        $"no bucket '{_options.Bucket}' belongs to this access key: check the bucket in the kodo:// URI and fs.kodo.accesskey";

    private static HostList Configured(KodoService service, string host) => new(service, [KodoEndpoint.Parse(host, Uri.UriSchemeHttps)]);
}
