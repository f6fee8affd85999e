using System.Net;
using System.Text;

namespace Kodo.Client.Tests;

/// <summary>
/// Stands in for the internet: every request goes to the emulator whatever host it names, except hosts listed as
/// down (a refused connection) and an optional uc answer of the test's own. It records the hosts asked, in order.
/// </summary>
internal sealed class RoutingHandler(string emulatorEndpoint) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<string> _asked = [];

    /// <summary>Hosts (host[:port]) that refuse connections.</summary>
    public HashSet<string> Down { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, the JSON every /v4/query gets.</summary>
    public string? RegionAnswer { get; set; }

    public IReadOnlyList<string> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        lock (_asked)
        {
            _asked.Add(uri.Authority);
        }

        if (Down.Contains(uri.Authority))
        {
            throw new HttpRequestException("Connection refused (" + uri.Authority + ")", new IOException("refused by the test"));
        }

        if (RegionAnswer is not null && uri.AbsolutePath == "/v4/query")
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(RegionAnswer, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
        }

        request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Host = emulatorEndpoint.Split(':')[0], Port = int.Parse(emulatorEndpoint.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
